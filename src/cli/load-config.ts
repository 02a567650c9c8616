// Reads the knowledge-graph options from astro.config.mjs, the one place the config lives (for CLI commands and tests).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig, type KgConfig } from '../kg/config.ts';

export async function loadConfig(root: string): Promise<KgConfig> {
  const mod = await import(pathToFileURL(resolve(root, 'astro.config.mjs')).href);
  const kg = (mod.default?.integrations ?? []).flat().find((i: { name?: string }) => i?.name === 'kg');
  // A fresh copy: callers may change contentDir without touching the integration's own config.
  return structuredClone(kg?.kgConfig ?? resolveConfig());
}
