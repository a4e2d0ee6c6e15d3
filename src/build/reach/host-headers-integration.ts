// Writes dist/_headers (src/build/reach/host-headers.ts) when `astro build` finishes, from the pages it built.
import type { AstroIntegration } from 'astro';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerRules, headersFile } from './host-headers.ts';

const toUrl = (file: string) =>
  file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;

export function hostHeaders(): AstroIntegration {
  return {
    name: 'add-and-norm:host-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const urls = (readdirSync(root, { recursive: true }) as string[])
          .map((f) => f.split(sep).join('/'))
          .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
          .sort()
          .map(toUrl);
        const rules = headerRules(urls);
        writeFileSync(join(root, '_headers'), headersFile(rules));
        logger.info(`_headers: the CSP on every path, ${rules.length - 3} page rules, immutable /_astro/*`);
      },
    },
  };
}
