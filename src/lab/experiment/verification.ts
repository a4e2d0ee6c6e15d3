// The verification record of an experiment's claims: every claim checked on every seed at its default
// configuration, at its larger scales and on its counter-runs, with provenance. Written by
// `npm run verify-claims` to src/experiments/<folder>/verification.json; the page shows its statistics.
import type { Json } from './types';

/** A predicate's outcome on one seed's run. */
export interface SeedResult {
  seed: number;
  holds: boolean;
  value: number | null;
  detail: string;
}

/** One configuration's results: per seed (each-seed claims) or once over all seeds (mean-over-seeds claims). */
export interface ConfigurationRecord {
  /** The experiment's validated parameters for this configuration. */
  params: Record<string, Json>;
  seeds: number[];
  runs?: SeedResult[];
  overSeeds?: { holds: boolean; value: number | null; detail: string };
  /** Wall-clock time of the configuration's runs (information only, never compared). */
  ms: number;
}

export interface ClaimRecord {
  statement: string;
  mode: 'each-seed' | 'mean-over-seeds';
  figure: string;
  default: ConfigurationRecord;
  /** `limit`: the claim must fail at this scale, and its statement says so (see Scale.limit). */
  scales: (ConfigurationRecord & { label: string; limit?: string })[];
  counterRuns: (ConfigurationRecord & { why: string })[];
}

export interface VerificationProvenance {
  experiment: string;
  /** Short git commit and whether src/lab or src/experiments had local changes. */
  commit: string;
  dirty: boolean;
  /** ISO date-time the verification finished. */
  date: string;
  tfjsVersion: string;
  backend: 'wasm' | 'cpu';
  runtime: string;
}

export interface Verification {
  provenance: VerificationProvenance;
  claims: Record<string, ClaimRecord>;
}

/** Whether a configuration's claim holds: on every seed (each-seed) or on the mean (mean-over-seeds). */
export function configurationHolds(record: ConfigurationRecord): boolean {
  return record.runs ? record.runs.every((r) => r.holds) : !!record.overSeeds?.holds;
}

/** Whether a scale record is as its claim requires: holding, or failing where the statement marks a limit. */
export function scaleAsRequired(record: ConfigurationRecord & { limit?: string }): boolean {
  return record.limit ? configurationFails(record) : configurationHolds(record);
}

/** Whether a counter-run fails as it must: on every seed (each-seed) or on the mean (mean-over-seeds). */
export function configurationFails(record: ConfigurationRecord): boolean {
  return record.runs ? record.runs.every((r) => !r.holds) : !record.overSeeds?.holds;
}

export interface FigureSummary {
  /** Seeds (each-seed) on which the claim holds, of how many; for mean-over-seeds 1 or 0 of 1. */
  holding: number;
  of: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

/** n/N seeds holding and mean ± standard deviation (min–max) of the key figure over seeds. */
export function summarize(record: ConfigurationRecord): FigureSummary {
  if (!record.runs) {
    const v = record.overSeeds?.value ?? null;
    return { holding: record.overSeeds?.holds ? 1 : 0, of: 1, mean: v, sd: null, min: v, max: v };
  }
  const values = record.runs.map((r) => r.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  const sd = mean !== null && values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) : null;
  return {
    holding: record.runs.filter((r) => r.holds).length,
    of: record.runs.length,
    mean,
    sd,
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
  };
}

/** Checks the shape of a parsed verification file; the message names the experiment and the field. */
export function assertVerification(id: string, value: unknown): asserts value is Verification {
  const v = value as Partial<Verification> | null;
  const problems: string[] = [];
  if (!v || typeof v !== 'object') problems.push('not an object');
  else {
    const p = v.provenance as Partial<VerificationProvenance> | undefined;
    if (!p || typeof p !== 'object') problems.push('missing "provenance"');
    else {
      if (p.experiment !== id) problems.push(`provenance.experiment is ${JSON.stringify(p.experiment)}, expected "${id}"`);
      for (const k of ['commit', 'date', 'tfjsVersion', 'backend', 'runtime'] as const)
        if (typeof p[k] !== 'string') problems.push(`provenance.${k} missing`);
    }
    if (!v.claims || typeof v.claims !== 'object') problems.push('missing "claims"');
    else
      for (const [claimId, c] of Object.entries(v.claims)) {
        if (!c?.default?.seeds) problems.push(`claims.${claimId}.default missing`);
        if (!Array.isArray(c?.scales)) problems.push(`claims.${claimId}.scales missing`);
        if (!Array.isArray(c?.counterRuns)) problems.push(`claims.${claimId}.counterRuns missing`);
      }
  }
  if (problems.length) throw new Error(`The verification of ${id} is malformed: ${problems.join('; ')}`);
}
