// Content collections: one, `notes`, filled by the knowledge-graph loader with the engine's rendered notes.
import { defineCollection } from 'astro:content';
import { kgLoader } from './integration/loader.ts';

export const collections = { notes: defineCollection({ loader: kgLoader() }) };
