// `npm run verify-claims [-- <id> ...] [--skip-scales]`: checks every claim of each experiment on every seed at
// its default configuration, at its larger scales and on its counter-runs (WASM backend), and stores the
// results with provenance in src/experiments/<folder>/verification.json, from which the pages take their
// statistics (n/N seeds, mean ± spread, scales, last verified), and when every claim held on every seed, the seed
// check (./check-seeds.ts). Slow at the larger scales: it runs outside `npm test`, whose claims suite re-checks the
// default configuration, the counter-runs and a sample.
import { writeFileSync } from 'node:fs';
import { claimsFor, folderFor, runExperiment } from '~/experiments';
import { counterConfiguration, evaluateConfiguration } from '~/experiments/verify';
import { initBackend } from '~/lab/backend';
import { canonicalJson, createRunCache } from '~/lab/experiment/run-cache';
import type { Json } from '~/lab/experiment/types';
import { inputsFingerprint, seedCheckFile, seedCheckOf, verificationHash } from '~/experiments/seed-check';
import { getClaimRecord } from '~/experiments/verifications';
import { configurationFails, configurationHolds, type ClaimRecord, type Verification } from '~/lab/experiment/verification';
import { experimentArgs } from './experiment-args';
import { formatJson, gitState, root } from './git-state';
import { progressPrinter } from './progress-printer';

async function verify(id: string, skipScales: boolean): Promise<{ verification: Verification; inputs: string }> {
  const commit = gitState(); // the code the runs load, not whatever is committed by the time they end
  const inputs = inputsFingerprint(id);
  const info = await initBackend({ prefer: 'wasm' });
  if (info.backend !== 'wasm') throw new Error(`WASM backend did not start: ${info.fallbackReason}`);
  const printer = progressPrinter(`[${id}]`);
  let done = 0;
  const cache = createRunCache<Json>(async (_id, params, seed) => {
    const result = await runExperiment(id, params, {
      seed,
      backend: 'wasm',
      onProgress: (p) => printer.update({ fraction: p.fraction, message: `run ${done + 1} (seed ${seed}): ${p.message}` }),
    });
    done += 1;
    return result;
  });
  const run = (params: Record<string, unknown>, seed: number) => cache.get(id, params, seed);
  const claims: Record<string, ClaimRecord> = {};
  for (const claim of claimsFor(id)) {
    const kept = getClaimRecord(id, claim.id)?.record;
    const scales = [];
    // --skip-scales keeps the stored scale results (the claims suite says when they no longer match the claim).
    if (skipScales && kept) scales.push(...kept.scales.filter((s) => claim.scales.some((c) => c.label === s.label)));
    else
      for (const scale of claim.scales)
        scales.push({
          label: scale.label,
          ...(scale.limit ? { limit: scale.limit } : {}),
          ...(await evaluateConfiguration(claim, scale, run)),
        });
    const counterRuns = [];
    for (const counter of claim.counterRuns)
      counterRuns.push({ why: counter.why, ...(await evaluateConfiguration(claim, counterConfiguration(claim, counter), run)) });
    claims[claim.id] = {
      statement: claim.statement,
      mode: claim.mode,
      figure: claim.figure,
      default: await evaluateConfiguration(claim, undefined, run),
      scales,
      counterRuns,
    };
  }
  printer.done(`${done} runs`);
  const verification: Verification = {
    provenance: {
      experiment: id,
      commit: commit.commit,
      dirty: commit.dirty,
      date: new Date().toISOString(),
      tfjsVersion: info.tfjsVersion,
      backend: info.backend,
      runtime: `node v${process.versions.node}`,
    },
    claims,
  };
  return { verification, inputs };
}

async function main(): Promise<void> {
  const args = experimentArgs('verify-claims', ['--skip-scales']);
  if (!args) return;
  const skipScales = args.flags.has('--skip-scales');
  for (const id of args.ids) {
    const { verification, inputs } = await verify(id, skipScales);
    const file = `${folderFor(id)}/verification.json`;
    const text = `${formatJson(verification)}\n`;
    writeFileSync(`${root}${file}`, text);
    // every claim held on every seed of its default configuration: the claims suite may re-run first seeds only
    if (Object.values(verification.claims).every((c) => configurationHolds(c.default)))
      writeFileSync(`${root}${seedCheckFile(id)}`, `${formatJson(seedCheckOf(id, inputs, verificationHash(id, text)))}\n`);
    const failing = Object.entries(verification.claims).flatMap(([claimId, c]) => [
      ...[c.default, ...c.scales.filter((s) => !s.limit)]
        .filter((r) => !configurationHolds(r))
        .map((r) => `${claimId} does not hold on every seed of ${canonicalJson(r.params)}`),
      ...c.scales
        .filter((s) => s.limit && !configurationFails(s))
        .map((s) => `${claimId} holds at ${s.label}, which its statement calls a limit`),
      ...c.counterRuns
        .filter((r) => !configurationFails(r))
        .map((r) => `${claimId} does not fail on its counter-run ${canonicalJson(r.params)}`),
    ]);
    console.log(`wrote ${file}${failing.length ? `; problems: ${failing.join('; ')}` : ''}`);
    if (failing.length) process.exitCode = 1;
  }
}

await main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
