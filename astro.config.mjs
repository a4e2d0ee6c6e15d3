// Site build: MDX questions from content/, Shiki in both themes, a sitemap, and a Pagefind index written
// after the build (so `npm run build` alone yields a searchable dist/).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { pagefindIndex } from './src/lib/site/pagefind-integration.ts';
import { codeBlock } from './src/lib/site/shiki-code-block.ts';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefindIndex()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark-default' },
      defaultColor: false,
      transformers: [codeBlock()],
    },
  },
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // The experiment worker (src/islands/worker.ts) code-splits (lazy CPU fallback, snippet parser): ES workers only.
  vite: { worker: { format: 'es' } },
});
