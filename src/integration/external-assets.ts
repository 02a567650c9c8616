// Keeps every bundled script and stylesheet in its own file under /_astro/, so pages run under a strict CSP (no inline scripts or styles).
import type { AstroIntegration } from 'astro';

export default function externalAssets(): AstroIntegration {
  return {
    name: 'kg-external-assets',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Astro inlines scripts and stylesheets under Vite's assetsInlineLimit (4 KB); inline code would need 'unsafe-inline'.
        updateConfig({ build: { inlineStylesheets: 'never' }, vite: { build: { assetsInlineLimit: 0 } } });
      },
    },
  };
}
