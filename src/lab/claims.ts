// The claim registry: every sentence the articles mark as measured, the experiment run that measures it,
// the predicate that decides it, and the seeds it must hold for. Checked by tests/claims/<experiment>.test.ts.
import type { Claim } from './claims/types';
import { e1Claims } from './claims/e1';
import { e2Claims } from './claims/e2';
import { e3Claims } from './claims/e3';
import { e4Claims } from './claims/e4';
import { e5Claims } from './claims/e5';
import { e6Claims } from './claims/e6';
import { e7Claims } from './claims/e7';
import { e8Claims } from './claims/e8';
import { e9Claims } from './claims/e9';
import { e10Claims } from './claims/e10';

export type { Claim, Verdict } from './claims/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const claims: readonly Claim<any>[] = [
  ...e1Claims, ...e2Claims, ...e3Claims, ...e4Claims, ...e5Claims, ...e6Claims, ...e7Claims, ...e8Claims, ...e9Claims, ...e10Claims,
];

/** The claim with this id; throws naming the known ids otherwise. */
export function getClaim(id: string): Claim<unknown> {
  const found = claims.find((c) => c.id === id);
  if (!found) throw new Error(`unknown claim "${id}"; known claims: ${claims.map((c) => c.id).join(', ')}`);
  return found;
}

export function claimsFor(experimentId: string): Claim<unknown>[] {
  return claims.filter((c) => c.experiment === experimentId);
}

/** The test file that checks a claim (one file per experiment, so runs are shared within it). */
export function testFileFor(claim: Pick<Claim, 'experiment'>): string {
  return `tests/claims/${claim.experiment}.test.ts`;
}

export interface ClaimListing {
  id: string;
  statement: string;
  experiment: string;
  params: Record<string, unknown>;
  seeds: number[];
  mode: Claim['mode'];
  testFile: string;
}

/** Plain data about every claim (no functions), e.g. for `npm run lab -- list --json`. */
export function listClaims(): ClaimListing[] {
  return claims.map((c) => ({
    id: c.id,
    statement: c.statement,
    experiment: c.experiment,
    params: c.params,
    seeds: [...c.seeds],
    mode: c.mode,
    testFile: testFileFor(c),
  }));
}
