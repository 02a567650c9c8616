// The stylesheet that maps each entity type to its colour: `.t-<type> { --type-color: … }`.
import type { KgConfig } from '../kg/config.ts';

/** A type id as a CSS class name fragment (config ids are slugs, but stay defensive). */
export function typeClass(type: string): string {
  return `t-${type.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

function cssColor(value: string): string {
  // Only plain hex / named colours reach the stylesheet.
  return /^#[0-9a-fA-F]{3,8}$|^[a-zA-Z]+$/.test(value) ? value : '#999999';
}

export function typeColorCss(config: KgConfig): string {
  const rules = Object.keys(config.types)
    .sort()
    .map((id) => `.${typeClass(id)}{--type-color:${cssColor(config.types[id].color)}}`);
  return `/* Entity type colours, generated from the site config. */\n${rules.join('\n')}\n`;
}
