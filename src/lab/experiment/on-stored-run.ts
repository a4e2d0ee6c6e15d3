// A claim's verdict on the stored reference run, when the reference is a run the claim covers (same
// parameters, one of its seeds): the claims page shows its detail, i.e. the numbers the verdict rests on.
import { canonicalJson } from './run-cache';
import type { StoredRun } from './stored-run';
import type { Claim, Outcome } from './claim';

export function outcomeOnStoredRun(
  claim: Claim<unknown>,
  resolvedParams: Record<string, unknown>,
  storedRun: StoredRun,
): Outcome | undefined {
  const p = storedRun.provenance;
  if (canonicalJson(resolvedParams) !== canonicalJson(p.params) || !claim.seeds.includes(p.seed)) return undefined;
  return claim.mode === 'each-seed' ? claim.predicate(storedRun.measurements) : claim.predicate([storedRun.measurements]);
}
