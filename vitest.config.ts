/// <reference types="vitest/config" />
// One Vitest config, three projects: fast unit tests, the claims suite (TF.js on WASM), and
// browser tests against the built site in Debian's Chromium (they need `npm run build` first).
import { getViteConfig } from 'astro/config';
import { LongestFirst } from './tests/longest-first.ts';

export default getViteConfig({
  test: {
    sequence: { sequencer: LongestFirst }, // a clean clone has no durations cached: the longest files start first
    projects: [
      // Generous timeouts: some unit tests start TF.js or train a few steps, and a busy 2-core machine is slow.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/experiments/*/predicates.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2, // Vitest's default is one fewer than the cores: a single worker on CI's two
        },
      },
      {
        extends: true,
        // Two files at a time: each trains on TF.js's single-threaded WASM backend in its own process, so two
        // use both cores (Vitest's default, cores − 1, ran them one by one).
        test: { name: 'claims', include: ['src/experiments/*/claims*.test.ts'], environment: 'node', testTimeout: 600_000, maxWorkers: 2 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two files at a time (the two cores of CI): each file has its own server on an ephemeral port,
          // its own Chromium and fresh contexts, and only reads dist/ (the offline test copies it before
          // changing it), so files share no state. Tests wait on states, never on sleeps, so the slower
          // pages of two files running together change durations, not outcomes.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
