// Helpers for each experiment's predicates.test.ts: a claim's predicate on synthetic measurements, so every
// predicate is shown to hold where the effect is there and to fail where it is not (whatever the experiment
// returns). Counter-runs on real configurations are in the claims suite.
import { expect } from 'vitest';
import { getClaim, type Claim } from '.';

/** Runs a claim's predicate on one measurement (each-seed) or on a list of runs (mean-over-seeds). */
export function outcomeOf<M>(id: string, m: M | M[]) {
  const claim = getClaim(id) as Claim<M>;
  const outcome = claim.mode === 'each-seed' ? claim.predicate(m as M) : claim.predicate(Array.isArray(m) ? m : [m]);
  expect(outcome.detail.length).toBeGreaterThan(10);
  return outcome;
}

/** Whether the claim's predicate holds on these measurements. */
export const holds = <M>(id: string, m: M | M[]): boolean => outcomeOf(id, m).holds;

export const clone = <T>(x: T): T => structuredClone(x);

/** n values from `from` to `to`, evenly spaced on a log scale. */
export const geometric = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from * (to / from) ** (i / (n - 1)));
