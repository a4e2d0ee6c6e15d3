// Build-time pieces of an evidence block that are pure logic: the form's defaults (the experiment's schema
// with the claim's own parameters as defaults) and the claim's outcome on the stored run.
import type { ParamSchema } from '~/lab/experiment/schema';
import type { Claim } from '~/experiments';
import { outcomeOnStoredRun } from '~/lab/experiment/on-stored-run';
import { resolveParams } from '~/experiments';
import type { StoredRun } from '~/lab/experiment/stored-run';

/** The experiment's schema with the claim's parameters as defaults, so the form starts where the claim was measured. */
export function blockSchema(schema: ParamSchema, claimParams: Record<string, unknown>): ParamSchema {
  const out: ParamSchema = {};
  for (const [name, spec] of Object.entries(schema)) {
    out[name] = name in claimParams ? ({ ...spec, default: claimParams[name] } as typeof spec) : spec;
  }
  return out;
}

/** The claim's outcome on the stored run in words, or undefined when that run is not one the claim
 * covers (other parameters or another seed). A claim about a mean over seeds says it is one seed only. */
export function storedRunOutcome(claim: Claim<unknown>, reference: StoredRun): string | undefined {
  let outcome;
  try {
    outcome = outcomeOnStoredRun(claim, resolveParams(claim.experiment, claim.params), reference);
  } catch {
    return undefined;
  }
  if (!outcome) return undefined;
  const scope =
    claim.mode === 'mean-over-seeds'
      ? `seed ${reference.provenance.seed} alone; the claim is about the mean over ${claim.seeds.length} seeds`
      : `seed ${reference.provenance.seed}`;
  return `${outcome.holds ? 'holds' : 'does not hold'} (${scope}: ${outcome.detail}).`;
}

/**
 * Where the stored run (the experiment's default settings) differs from the claim's settings, in words:
 * 'Layers 2 (this claim: 4), Norm placement Post-LN (this claim: Pre-LN)'; undefined when they are the same,
 * so a block never lets a chart of other settings pass for the claim's.
 */
export function storedRunDifference(claim: Claim<unknown>, schema: ParamSchema, reference: StoredRun): string | undefined {
  let claimParams: Record<string, unknown>;
  try {
    claimParams = resolveParams(claim.experiment, claim.params);
  } catch {
    return undefined;
  }
  const stored = reference.provenance.params as Record<string, unknown>;
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v));
  const differences = Object.keys(claimParams)
    .filter((k) => JSON.stringify(claimParams[k]) !== JSON.stringify(stored[k]))
    .map((k) => `${schema[k]?.label ?? k} ${show(stored[k])} (this claim: ${show(claimParams[k])})`);
  return differences.length ? differences.join(', ') : undefined;
}
