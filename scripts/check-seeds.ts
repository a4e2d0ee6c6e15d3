// `npm run check-seeds [-- <id> ...]`: re-runs every claim of each experiment on every seed of its default
// configuration (WASM backend) and, when each holds and matches the stored verification, writes the seed check
// (src/experiments/<folder>/seed-check.json) for the inputs' fingerprint: while the inputs stay the same, the
// claims suite re-runs each claim on its first seed only. Needed after a change to the lab or an experiment's
// code; `npm run verify-claims` writes the seed check itself.
import { writeFileSync } from 'node:fs';
import { claimsFor, getExperiment, runExperiment } from '~/experiments';
import { inputsFingerprint, seedCheckFile, seedCheckOf, verificationHash } from '~/experiments/seed-check';
import { getClaimRecord } from '~/experiments/verifications';
import { configurationParams, driftFrom, evaluateConfiguration } from '~/experiments/verify';
import { initBackend } from '~/lab/backend';
import { canonicalJson, createRunCache } from '~/lab/experiment/run-cache';
import type { Json } from '~/lab/experiment/types';
import { configurationHolds } from '~/lab/experiment/verification';
import { onceEachJob } from '~/lab/train-to-target';
import { experimentArgs } from './experiment-args';
import { formatJson, root } from './git-state';
import { progressPrinter } from './progress-printer';

/** Re-runs the default configuration of every claim; the problems found (none: the seed check is written). */
async function checkSeeds(id: string): Promise<string[]> {
  const inputs = inputsFingerprint(id); // the code the runs load, not whatever is on disk by the time they end
  const verification = verificationHash(id);
  const printer = progressPrinter(`[${id}]`);
  const runJobs = onceEachJob();
  let done = 0;
  const cache = createRunCache<Json>(async (_id, params, seed) => {
    const onProgress = (p: { fraction: number; message: string }) =>
      printer.update({ fraction: p.fraction, message: `run ${done + 1} (seed ${seed}): ${p.message}` });
    const result = await runExperiment(id, params, { seed, backend: 'wasm', runJobs, onProgress });
    done += 1;
    return result;
  });
  const problems: string[] = [];
  for (const claim of claimsFor(id)) {
    const stored = getClaimRecord(id, claim.id)?.record.default;
    if (
      !stored ||
      canonicalJson(stored.params) !== canonicalJson(configurationParams(claim)) ||
      canonicalJson(stored.seeds) !== canonicalJson(claim.seeds)
    ) {
      problems.push(`${claim.id}: the verification is missing or was made for other parameters or seeds (npm run verify-claims -- ${id})`);
      continue;
    }
    const fresh = await evaluateConfiguration(claim, undefined, (params, seed) => cache.get(id, params, seed));
    if (!configurationHolds(fresh)) problems.push(`${claim.id} does not hold on every seed`);
    problems.push(...driftFrom(stored, fresh, getExperiment(id).tolerance).map((d) => `${claim.id}, ${d}`));
  }
  printer.done(`${done} runs`);
  if (problems.length === 0) {
    writeFileSync(`${root}${seedCheckFile(id)}`, `${formatJson(seedCheckOf(id, inputs, verification))}\n`);
  }
  return problems;
}

async function main(): Promise<void> {
  const args = experimentArgs('check-seeds');
  if (!args) return;
  const info = await initBackend({ prefer: 'wasm' });
  if (info.backend !== 'wasm') throw new Error(`WASM backend did not start: ${info.fallbackReason}`);
  for (const id of args.ids) {
    const problems = await checkSeeds(id);
    console.log(problems.length ? `${id}: no seed check written; ${problems.join('; ')}` : `wrote ${seedCheckFile(id)}`);
    if (problems.length) process.exitCode = 1;
  }
}

await main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
