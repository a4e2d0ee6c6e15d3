// One Vitest config, four projects: fast unit tests (and the one that needs a process of its own), the claims suite (TF.js on WASM), and
// browser tests against the built site in Debian's Chromium (they need `npm run build` first).
import { getViteConfig } from 'astro/config';
import { configDefaults } from 'vitest/config'; // also types the `test` field
import { LongestFirst } from './tests/longest-first.ts';

/** Unit files that change their process for good: a WASM backend that failed to start cannot start again in it. */
const UNIT_ISOLATED = ['tests/unit/lab/fallback.test.ts'];

export default getViteConfig({
  test: {
    sequence: { sequencer: LongestFirst }, // a clean clone has no durations cached: the longest files start first
    projects: [
      // Generous timeouts: some unit tests start TF.js or train a few steps, and a busy 2-core machine is slow.
      // Unit files share their worker's process (isolate: false): with a fresh module graph per file the unit tests
      // took 67 core-seconds here, sharing it 34. A file that changes process-wide state for good runs alone.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/experiments/*/predicates.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT_ISOLATED],
          isolate: false,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2, // Vitest's default is one fewer than the cores: a single worker on CI's two
        },
      },
      {
        extends: true,
        test: { name: 'unit-isolated', include: UNIT_ISOLATED, environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 },
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
