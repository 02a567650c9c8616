// The Astro integration: resolves the knowledge-graph options, runs the engine once, and stops the build on errors.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { type KgConfig, type KgUserConfig, resolveConfig } from '../kg/config.ts';
import { diagnosticReport } from './report.ts';
import { configureSite, getSite, invalidateSite } from './site.ts';

export type KgIntegration = AstroIntegration & { kgConfig: KgConfig };

export default function knowledgeGraph(options: KgUserConfig = {}): KgIntegration {
  const kgConfig = resolveConfig(options);
  return {
    name: 'kg',
    kgConfig,
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        // KG_CONTENT_DIR builds another folder of notes with the same site (tests, benchmarks).
        const contentDir = process.env.KG_CONTENT_DIR ?? kgConfig.contentDir;
        configureSite({ ...kgConfig, contentDir, site: config.site ?? kgConfig.site }, fileURLToPath(config.root), config.base.endsWith('/') ? config.base : `${config.base}/`);
        if (command === 'dev') invalidateSite();
      },
      'astro:build:start': async ({ logger }) => {
        const site = await getSite();
        if (site.diagnostics.length) logger.warn(`\n${diagnosticReport(site.diagnostics)}`);
        if (site.errors > 0) {
          // A short error without a stack: the diagnostics above say everything.
          const err = new Error(`The notes have ${site.errors} error(s); nothing was published. Fix them and build again (\`npm run check\` lists them).`);
          err.stack = err.message;
          throw err;
        }
      },
      'astro:server:setup': async ({ logger }) => {
        const site = await getSite();
        if (site.diagnostics.length) logger.warn(`\n${diagnosticReport(site.diagnostics)}`);
      },
    },
  };
}
