// Runs a claim's predicate on one configuration over its seeds (the claims suite and `npm run verify-claims`
// both use it, so the page's statistics and the tests come from the same code).
import type { Claim, ClaimConfiguration, CounterRun } from '~/lab/experiment/claim';
import type { Json, RunTolerance } from '~/lab/experiment/types';
import type { ConfigurationRecord } from '~/lab/experiment/verification';
import { resolveParams } from '.';

export type ClaimRunner = (params: Record<string, unknown>, seed: number) => Promise<unknown>;

/** The validated parameters of a configuration: its own over the claim's over the experiment's defaults. */
export function configurationParams(claim: Claim<unknown>, configuration?: ClaimConfiguration): Record<string, Json> {
  return resolveParams(claim.experiment, { ...claim.params, ...(configuration?.params ?? {}) });
}

export async function evaluateConfiguration(
  claim: Claim<unknown>,
  configuration: ClaimConfiguration | undefined,
  run: ClaimRunner,
): Promise<ConfigurationRecord> {
  const params = configurationParams(claim, configuration);
  const seeds = configuration?.seeds ?? claim.seeds;
  const started = performance.now();
  if (claim.mode === 'each-seed') {
    const runs = [];
    for (const seed of seeds) {
      const outcome = claim.predicate(await run(params, seed));
      runs.push({ seed, holds: outcome.holds, value: outcome.value ?? null, detail: outcome.detail });
    }
    return { params, seeds, runs, ms: Math.round(performance.now() - started) };
  }
  const all: unknown[] = [];
  for (const seed of seeds) all.push(await run(params, seed));
  const outcome = claim.predicate(all);
  return {
    params,
    seeds,
    overSeeds: { holds: outcome.holds, value: outcome.value ?? null, detail: outcome.detail },
    ms: Math.round(performance.now() - started),
  };
}

/** A counter-run as a configuration: on the claim's first seed unless it names its own. */
export function counterConfiguration(claim: Claim<unknown>, counter: CounterRun): ClaimConfiguration {
  return { params: counter.params, seeds: counter.seeds ?? claim.seeds.slice(0, 1) };
}

/**
 * The seeds on which a fresh configuration leaves the stored one (a different outcome, or a key figure outside
 * the experiment's tolerance), as lines for a test's message; the fresh record may cover only some of the seeds.
 */
export function driftFrom(stored: ConfigurationRecord, fresh: ConfigurationRecord, { rtol, atol }: RunTolerance): string[] {
  const close = (a: number | null, b: number | null) =>
    a === b || (a !== null && b !== null && Math.abs(a - b) <= atol + rtol * Math.abs(b));
  const pairs = fresh.runs
    ? fresh.runs.map((f) => [f, stored.runs?.find((s) => s.seed === f.seed)] as const)
    : [[fresh.overSeeds!, stored.overSeeds] as const];
  return pairs
    .filter(([f, s]) => !s || s.holds !== f.holds || !close(f.value, s.value))
    .map(
      ([f, s]) =>
        `${'seed' in f ? `seed ${f.seed}` : 'over seeds'}: fresh ${f.value} (${f.holds ? 'holds' : 'fails'}), stored ${s ? `${s.value} (${s.holds ? 'holds' : 'fails'})` : 'none'}`,
    );
}
