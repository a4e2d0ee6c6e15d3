// Shared by tests/claims/<experiment>.test.ts: every claim of one experiment × each of its seeds on the
// WASM backend, runs shared through a cache (claims with the same params and seed reuse one run, and the
// reference check reuses the default-seed run), then the stored reference against a fresh default run.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { initBackend } from '../../src/lab/backend';
import { claimsFor } from '../../src/lab/claims';
import { compareMeasurements } from '../../src/lab/experiments/compare';
import { defaultsOf, getExperiment, resolveParams, runExperiment } from '../../src/lab/experiments/index';
import { assertStoredReference } from '../../src/lab/experiments/reference';
import { roundMeasurements } from '../../src/lab/experiments/record';
import { createRunCache } from '../../src/lab/experiments/run-cache';
import type { Json } from '../../src/lab/experiments/types';

export function checkExperiment(experimentId: string): void {
  const experiment = getExperiment(experimentId);
  const cache = createRunCache<Json>((id, params, seed) => runExperiment(id, params, { seed, backend: 'wasm' }));
  const run = (params: Record<string, unknown>, seed: number) => cache.get(experimentId, resolveParams(experimentId, params), seed);

  describe(`${experimentId}: ${experiment.title}`, () => {
    beforeAll(async () => {
      const info = await initBackend({ prefer: 'wasm' });
      expect(info.backend, `WASM backend did not start: ${info.fallbackReason}`).toBe('wasm');
    });

    for (const claim of claimsFor(experimentId)) {
      if (claim.mode === 'each-seed') {
        for (const seed of claim.seeds) {
          test(`${claim.id} holds for seed ${seed}`, async () => {
            const verdict = claim.predicate(await run(claim.params, seed));
            expect(verdict.holds, `${claim.id} (seed ${seed}): ${verdict.detail}`).toBe(true);
          });
        }
      } else {
        test(`${claim.id} holds on the mean over seeds ${claim.seeds.join(', ')}`, async () => {
          const runs: unknown[] = [];
          for (const seed of claim.seeds) runs.push(await run(claim.params, seed));
          const verdict = claim.predicate(runs);
          expect(verdict.holds, `${claim.id}: ${verdict.detail}`).toBe(true);
        });
      }
    }

    test(`the stored reference of ${experimentId} matches a fresh default run (rtol ${experiment.tolerance.rtol}, atol ${experiment.tolerance.atol})`, async () => {
      const path = new URL(`../../src/data/references/${experimentId}.json`, import.meta.url);
      const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
      assertStoredReference(experimentId, stored);
      expect(stored.provenance.backend).toBe('wasm');
      expect(stored.provenance.params).toEqual(defaultsOf(experimentId));
      const fresh = roundMeasurements(await run({}, stored.provenance.seed));
      const mismatches = compareMeasurements(stored.measurements, fresh, experiment.tolerance);
      const shown = mismatches.slice(0, 5).map((m) => `${m.path}: stored ${JSON.stringify(m.stored)}, fresh ${JSON.stringify(m.fresh)} (${m.reason})`);
      expect(shown, `run \`npm run references -- ${experimentId}\` if the change is intended`).toEqual([]);
    });
  });
}
