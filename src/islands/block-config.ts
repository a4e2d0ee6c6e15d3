// Build-time pieces of an evidence block that are pure logic: the form's defaults (the experiment's schema
// with the claim's own parameters as defaults) and the claim's verdict on the stored reference run.
import type { ParamSchema } from '../lab/experiments/schema';
import type { Claim } from '../lab/claims';

/** The experiment's schema with the claim's parameters as defaults, so the form starts where the claim was measured. */
export function blockSchema(schema: ParamSchema, claimParams: Record<string, unknown>): ParamSchema {
  const out: ParamSchema = {};
  for (const [name, spec] of Object.entries(schema)) {
    out[name] = name in claimParams ? ({ ...spec, default: claimParams[name] } as typeof spec) : spec;
  }
  return out;
}

function sameParams(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(b).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** "holds (detail)" on the stored default run, or undefined when the claim is measured with other parameters. */
export function referenceVerdict(
  claim: Claim<unknown>,
  reference: { provenance: { params: Record<string, unknown>; seed: number }; measurements: unknown },
): string | undefined {
  if (!sameParams(reference.provenance.params, claim.params)) return undefined;
  try {
    const v = claim.mode === 'each-seed' ? claim.predicate(reference.measurements) : claim.predicate([reference.measurements]);
    return `${v.holds ? 'holds' : 'does not hold'} (seed ${reference.provenance.seed}: ${v.detail}).`;
  } catch {
    return undefined;
  }
}
