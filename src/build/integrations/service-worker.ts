// The offline copy: when `astro build` has finished (after the Pagefind index is written), Workbox's
// generateSW writes dist/sw.js. It precaches, by content revision, the scripts, styles, TF.js's .wasm files and
// the whole search index, so search and experiments work offline after one visit; pages themselves are
// network-first (cached as they are visited), so a new deploy shows on the next visit, never a stale copy.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

/** Where the service worker is served; the page registers exactly this URL (src/page/site.ts). */
export const SERVICE_WORKER_URL = '/sw.js';

/** What is precached, relative to dist/: every built asset, Pagefind's index, the icon. No HTML (see above). */
export const PRECACHE_PATTERNS = ['_astro/**/*.{js,css,wasm}', 'pagefind/**/*', 'favicon.svg'];

export function serviceWorker(): AstroIntegration {
  return {
    name: 'add-and-norm:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: root,
          globPatterns: PRECACHE_PATTERNS,
          // TF.js fetches its multi-threaded .wasm only in a cross-origin-isolated page (SharedArrayBuffer), which
          // this site is not (no COOP/COEP headers): 0.44 MB no reader would ever use.
          globIgnores: ['**/*threaded-simd*.wasm'],
          // TF.js's .wasm files are ~0.3-0.45 MB each; the default 2 MB cap leaves room, this makes it explicit.
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          // Files named with a content hash are revisioned by their name already.
          dontCacheBustURLsMatching: /^_astro\//,
          // Pagefind asks for pagefind-entry.json?ts=<now> to dodge HTTP caches; the precached copy is revisioned.
          ignoreURLParametersMatching: [/^ts$/, /^utm_/, /^fbclid$/],
          swDest: `${root}/sw.js`,
          mode: 'production',
          sourcemap: false,
          // A new deploy's worker takes over at once instead of waiting for every tab to close.
          skipWaiting: true,
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          runtimeCaching: [
            {
              // Pages: the network when there is one (fresh after a deploy), else the copy from the last visit.
              urlPattern: ({ request }) => request.mode === 'navigate',
              handler: 'NetworkFirst',
              options: { cacheName: 'pages', expiration: { maxEntries: 100 } },
            },
          ],
        });
        for (const w of warnings) logger.warn(w);
        logger.info(`sw.js precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
