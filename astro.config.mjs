// Site build: MDX questions from content/, Shiki in both themes, a sitemap, a Pagefind index and then the
// offline service worker written after the build (so `npm run build` alone yields a searchable, offline dist/),
// with a Content Security Policy on every page (src/build/csp.ts, written by src/layouts/Base.astro).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { pagefindIndex } from './src/build/integrations/pagefind.ts';
import { CODE_THEMES, codeBlock } from './src/build/integrations/shiki-code-block.ts';
import { headerPolicy } from './src/build/csp.ts';
import { serviceWorker } from './src/build/integrations/service-worker.ts';
import { hostHeaders } from './src/build/reach/host-headers-integration.ts';
import { siteUrl } from './src/build/reach/site-url.ts';
import { tfjsKeyLoops } from './src/build/integrations/tfjs-key-loops.ts';

export default defineConfig({
  // The public address (canonical, Open Graph, sitemap, feed, llms.txt): SITE_URL, see README "Deploy".
  site: siteUrl(),
  trailingSlash: 'always',
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefindIndex(), serviceWorker(), hostHeaders()],
  markdown: {
    shikiConfig: {
      themes: CODE_THEMES,
      defaultColor: false,
      transformers: [codeBlock()],
    },
  },
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // `astro preview` also sends the policy as a header, the only way frame-ancestors works (not `astro dev`:
  // Vite's dev client needs more than the built site does).
  server: ({ command }) => ({ headers: command === 'preview' ? { 'Content-Security-Policy': headerPolicy() } : {} }),
  // The experiment worker (src/worker/worker.ts) code-splits (lazy CPU fallback, snippet parser): ES workers only.
  // `~/` is src/ everywhere (tsconfig.json says the same for the type checker), workers included.
  // tfjsKeyLoops: loops of TF.js that Chromium recompiled at every gradient (see the plugin).
  vite: {
    plugins: [tfjsKeyLoops()],
    worker: { format: 'es', plugins: () => [tfjsKeyLoops()] },
    resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  },
});
