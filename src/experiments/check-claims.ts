// Shared by src/experiments/<folder>/claims.test.ts, on the WASM backend: every claim of one experiment on each
// of its seeds (on its first seed while the experiment's seed check covers the inputs, see ./seed-check.ts); each
// counter-run, where the predicate must fail; the stored run against a fresh default run; the stored
// verification (src/experiments/<folder>/verification.json) against fresh default runs, and one sample of its
// larger scales re-run. Runs are shared through a cache: claims with the same params and seed, the stored-run
// check and the verification check reuse one run; and inside runs, the same training is trained once.
import { beforeAll, describe, expect, test } from 'vitest';
import { initBackend } from '~/lab/backend';
import { compareMeasurements } from '~/lab/experiment/compare';
import { canonicalJson, createRunCache } from '~/lab/experiment/run-cache';
import { onceEachJob } from '~/lab/train-to-target';
import type { Json } from '~/lab/experiment/types';
import { configurationFails, type ConfigurationRecord } from '~/lab/experiment/verification';
import { claimsFor, defaultsOf, getExperiment, resolveParams, runExperiment, type Claim } from '.';
import { roundMeasurements } from './record-stored-run';
import { currentSeedCheck, seedCheckFile, seedCheckOf, seedsToRerun } from './seed-check';
import { getStoredRun } from './stored-runs';
import { getClaimRecord } from './verifications';
import { configurationParams, counterConfiguration, driftFrom, evaluateConfiguration } from './verify';

/** A sample of the larger scales is re-run in the suite only when its stored runs took less than this (one seed for a claim checked on each seed, every seed for one checked on their mean): a drift in the lab shows first in the default runs, which the suite always re-runs, and `npm run verify-claims` re-runs every scale. */
const SAMPLE_BUDGET_MS = 10_000;

/**
 * `checkExperiment(id)` (claims.test.ts) checks the experiment's claims, a scale sample and the stored run;
 * the claims that name a `testFile` are left to `checkExperiment(id, testFile)` in claims-<testFile>.test.ts.
 */
export function checkExperiment(experimentId: string, testFile?: string): void {
  const experiment = getExperiment(experimentId);
  const claimsHere = claimsFor(experimentId).filter((c) => c.testFile === testFile);
  if (testFile && claimsHere.length === 0)
    throw new Error(`checkExperiment(${experimentId}, ${testFile}): no claim of ${experimentId} has testFile '${testFile}'`);
  const runJobs = onceEachJob(); // a training shared by two runs (same job, same seed) trains once
  const cache = createRunCache<Json>((id, params, seed) => runExperiment(id, params, { seed, backend: 'wasm', runJobs }));
  const run = (params: Record<string, unknown>, seed: number) => cache.get(experimentId, resolveParams(experimentId, params), seed);
  const { rtol, atol } = experiment.tolerance;
  // CLAIMS_SEEDS=all re-runs every seed whatever the seed check says
  const seedCheck = process.env.CLAIMS_SEEDS === 'all' ? undefined : currentSeedCheck(experimentId);
  const seedsHere = (claim: Claim<unknown>) => seedsToRerun(claim, seedCheck);
  const scope = seedCheck
    ? `first seeds: every seed held at these inputs on ${seedCheck.date.slice(0, 10)}, ${seedCheckFile(experimentId)}`
    : `every seed: \`npm run check-seeds -- ${experimentId}\` records them for these inputs`;

  describe(`${experimentId}: ${experiment.title} (${scope})`, () => {
    beforeAll(async () => {
      const info = await initBackend({ prefer: 'wasm' });
      expect(info.backend, `WASM backend did not start: ${info.fallbackReason}`).toBe('wasm');
    }, 60_000);

    for (const claim of claimsHere) {
      if (claim.mode === 'each-seed') {
        for (const seed of seedsHere(claim)) {
          test(`${claim.id} holds for seed ${seed}`, async () => {
            const outcome = claim.predicate(await run(claim.params, seed));
            expect(outcome.holds, `${claim.id} (seed ${seed}): ${outcome.detail}`).toBe(true);
          });
        }
      } else if (seedsHere(claim).length) {
        test(`${claim.id} holds on the mean over seeds ${claim.seeds.join(', ')}`, async () => {
          const runs: unknown[] = [];
          for (const seed of claim.seeds) runs.push(await run(claim.params, seed));
          const outcome = claim.predicate(runs);
          expect(outcome.holds, `${claim.id}: ${outcome.detail}`).toBe(true);
        });
      }

      for (const counter of claim.counterRuns) {
        test(`${claim.id} fails on its counter-run ${JSON.stringify(counter.params)} (${counter.why})`, async () => {
          const record = await evaluateConfiguration(claim, counterConfiguration(claim, counter), run);
          expect(configurationFails(record), `${claim.id} held on a configuration where it must fail: ${details(record)}`).toBe(true);
        });
      }

      test(`${claim.id}: the stored verification matches the claim and fresh default runs`, async () => {
        const stored = getClaimRecord(experimentId, claim.id)?.record;
        expect(stored, `no verification of ${claim.id}: run \`npm run verify-claims -- ${experimentId}\``).toBeDefined();
        expect(stored!.default.params).toEqual(configurationParams(claim));
        expect(stored!.default.seeds).toEqual(claim.seeds);
        if (!seedsHere(claim).length) return; // a mean over seeds, all of them held at these inputs (the seed check)
        const fresh = await evaluateConfiguration(claim, { params: {}, seeds: seedsHere(claim) }, run);
        expect(
          driftFrom(stored!.default, fresh, experiment.tolerance),
          `run \`npm run verify-claims -- ${experimentId}\` if the change is intended`,
        ).toEqual([]);
      });
    }

    if (testFile) return; // the seed check, the scale sample and the stored run are checked in claims.test.ts
    if (seedCheck)
      test(`every claim of ${experimentId} held on each of its seeds at these inputs (${seedCheckFile(experimentId)})`, () => {
        expect(seedCheck.claims).toEqual(seedCheckOf(experimentId, seedCheck.inputs, seedCheck.verification).claims);
      });

    // Claims at the same scale share its runs through the verifier's cache, so only the record that ran them
    // carries their time: a configuration costs the largest time per seed of any record of it.
    const scaleRecords = claimsFor(experimentId).flatMap((claim) => getClaimRecord(experimentId, claim.id)?.record.scales ?? []);
    const costPerSeed = (params: Record<string, unknown>) =>
      Math.max(...scaleRecords.filter((r) => canonicalJson(r.params) === canonicalJson(params)).map((r) => r.ms / r.seeds.length));
    // a claim checked on the mean over seeds re-runs all of them, so its sample costs every seed's run
    const sampleCost = (claim: (typeof claimsHere)[number], params: Record<string, unknown>, seeds: number) =>
      costPerSeed(params) * (claim.mode === 'each-seed' ? 1 : seeds);
    const sample = claimsHere
      .map((claim) => ({ claim, scale: claim.scales[0], stored: getClaimRecord(experimentId, claim.id)?.record.scales[0] }))
      .find(({ claim, scale, stored }) => scale && stored && sampleCost(claim, stored.params, stored.seeds.length) < SAMPLE_BUDGET_MS);
    if (sample) {
      const { claim, scale, stored } = sample;
      test(`${claim.id} at ${scale!.label}: a fresh run of seed ${stored!.seeds[0]} matches the stored verification`, async () => {
        const fresh = await evaluateConfiguration(
          claim,
          { params: scale!.params, seeds: stored!.seeds.slice(0, claim.mode === 'each-seed' ? 1 : undefined) },
          run,
        );
        expect(fresh.params).toEqual(stored!.params);
        expect(driftFrom(stored!, fresh, experiment.tolerance)).toEqual([]);
      });
    }

    test(`the stored run of ${experimentId} matches a fresh default run (rtol ${rtol}, atol ${atol})`, async () => {
      const stored = getStoredRun(experimentId);
      if (!stored) throw new Error(`no stored run of ${experimentId}: run \`npm run stored-runs -- ${experimentId}\``);
      expect(stored.provenance.backend).toBe('wasm');
      expect(stored.provenance.params).toEqual(defaultsOf(experimentId));
      const fresh = roundMeasurements(await run({}, stored.provenance.seed));
      const mismatches = compareMeasurements(stored.measurements, fresh, experiment.tolerance);
      const shown = mismatches
        .slice(0, 5)
        .map((m) => `${m.path}: stored ${JSON.stringify(m.stored)}, fresh ${JSON.stringify(m.fresh)} (${m.reason})`);
      expect(shown, `run \`npm run stored-runs -- ${experimentId}\` if the change is intended`).toEqual([]);
    });
  });
}

function details(record: ConfigurationRecord): string {
  return record.runs ? record.runs.map((r) => `seed ${r.seed}: ${r.detail}`).join('; ') : (record.overSeeds?.detail ?? '');
}
