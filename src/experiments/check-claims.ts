// Shared by src/experiments/<folder>/claims.test.ts: every claim of one experiment × each of its seeds on the
// WASM backend, runs shared through a cache (claims with the same params and seed reuse one run, and the
// stored-run check reuses the default-seed run), then the stored run against a fresh default run.
import { beforeAll, describe, expect, test } from 'vitest';
import { initBackend } from '~/lab/backend';
import { compareMeasurements } from '~/lab/experiment/compare';
import { claimsFor, defaultsOf, getExperiment, resolveParams, runExperiment } from '.';
import { getStoredRun } from './stored-runs';
import { roundMeasurements } from './record-stored-run';
import { createRunCache } from '~/lab/experiment/run-cache';
import type { Json } from '~/lab/experiment/types';

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

    test(`the stored run of ${experimentId} matches a fresh default run (rtol ${experiment.tolerance.rtol}, atol ${experiment.tolerance.atol})`, async () => {
      const stored = getStoredRun(experimentId);
      if (!stored) throw new Error(`no stored run of ${experimentId}: run \`npm run stored-runs -- ${experimentId}\``);
      expect(stored.provenance.backend).toBe('wasm');
      expect(stored.provenance.params).toEqual(defaultsOf(experimentId));
      const fresh = roundMeasurements(await run({}, stored.provenance.seed));
      const mismatches = compareMeasurements(stored.measurements, fresh, experiment.tolerance);
      const shown = mismatches.slice(0, 5).map((m) => `${m.path}: stored ${JSON.stringify(m.stored)}, fresh ${JSON.stringify(m.fresh)} (${m.reason})`);
      expect(shown, `run \`npm run stored-runs -- ${experimentId}\` if the change is intended`).toEqual([]);
    });
  });
}
