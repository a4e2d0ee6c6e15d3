// Every registered claim as plain data: its sentence, experiment, parameters, seeds, its verification (every
// seed at the default configuration, at each larger scale and on each counter-run, with per-seed figures and
// provenance), and the stored run's measurements with the predicate's outcome on it. The source of
// /claims.json and of the evidence blocks of the Markdown twins, so both say exactly what the pages say.
// Nothing typed: all of it comes from src/experiments (claims, stored runs, verifications).
import { claims, coreFileFor, getExperiment, resolveParams, testFileFor, type Claim } from '~/experiments';
import { getStoredRun } from '~/experiments/stored-runs';
import { getClaimRecord } from '~/experiments/verifications';
import { outcomeOnStoredRun } from '~/lab/experiment/on-stored-run';
import { flattenMeasurements, type MeasurementRow } from '~/lab/experiment/flatten';
import type { StoredRun as StoredRunFile } from '~/lab/experiment/stored-run';
import type { Json } from '~/lab/experiment/types';
import { configurationFails, configurationHolds, type ConfigurationRecord, type SeedResult } from '~/lab/experiment/verification';

export interface StoredRun {
  seed: number;
  /** The run's measurements as stored (src/experiments/<folder>/stored-run.json). */
  measurements: Json;
  /** The predicate on this run alone; null when the run is not one the claim covers (other parameters or seed). */
  holds: boolean | null;
  /** The numbers the verdict rests on, in words (the predicate's detail); null as for holds. */
  detail: string | null;
}

/** One configuration the claim was checked at, with the outcome on each seed (or on the mean over seeds). */
export interface CheckedConfiguration {
  /** 'limit': a larger scale where the claim does not hold, as its statement says. */
  kind: 'default' | 'scale' | 'limit' | 'counter-run';
  /** "default", the scale's label (a limit's: label and why), or why the counter-run must fail. */
  label: string;
  params: Record<string, Json>;
  seeds: number[];
  /** Default and scales: the claim holds; limits and counter-runs: the claim fails, as it must. */
  asRequired: boolean;
  perSeed: SeedResult[] | null;
  overSeeds: { holds: boolean; value: number | null; detail: string } | null;
}

export interface ClaimRecord {
  id: string;
  statement: string;
  experiment: { id: string; title: string; question: string; code: string };
  /** The parameters the claim sets (the rest are the experiment's defaults). */
  claimParams: Record<string, Json>;
  /** All parameters of the measured runs, defaults filled in. */
  params: Record<string, Json>;
  seeds: number[];
  /** each-seed: must hold on every seed's run; mean-over-seeds: on the mean over the seeds' runs. */
  mode: Claim['mode'];
  checkedBy: string;
  /** What the key figure (each run's `value`) is. */
  figure: string;
  /** Every configuration the claim was checked at (npm run verify-claims), with when and where; null if never verified. */
  verification: {
    provenance: { commit: string; dirty: boolean; date: string; tfjsVersion: string; backend: string; runtime: string };
    configurations: CheckedConfiguration[];
  } | null;
  /** Questions whose page shows the claim's evidence block. */
  usedIn: string[];
  /** Stored runs with their per-seed outcome (today: the experiment's reference run). */
  runs: StoredRun[];
  /** Where the stored run came from; null when no reference run is stored. */
  provenance: {
    experiment: string;
    seed: number;
    commit: string;
    dirty: boolean;
    date: string;
    tfjsVersion: string;
    backend: string;
    runtime: string;
  } | null;
}

function storedRun(claim: Claim<unknown>, params: Record<string, Json>, reference: StoredRunFile): StoredRun {
  const outcome = outcomeOnStoredRun(claim, params, reference);
  return {
    seed: reference.provenance.seed,
    measurements: reference.measurements,
    holds: outcome?.holds ?? null,
    detail: outcome?.detail ?? null,
  };
}

function checked(kind: CheckedConfiguration['kind'], label: string, r: ConfigurationRecord): CheckedConfiguration {
  return {
    kind,
    label,
    params: r.params,
    seeds: r.seeds,
    asRequired: kind === 'counter-run' || kind === 'limit' ? configurationFails(r) : configurationHolds(r),
    perSeed: r.runs ?? null,
    overSeeds: r.overSeeds ?? null,
  };
}

function verificationOf(claim: Claim<unknown>): ClaimRecord['verification'] {
  const v = getClaimRecord(claim.experiment, claim.id);
  if (!v) return null;
  const { commit, dirty, date, tfjsVersion, backend, runtime } = v.provenance;
  return {
    provenance: { commit, dirty, date, tfjsVersion, backend, runtime },
    configurations: [
      checked('default', 'default', v.record.default),
      ...v.record.scales.map((s) => (s.limit ? checked('limit', `${s.label}: ${s.limit}`, s) : checked('scale', s.label, s))),
      ...v.record.counterRuns.map((r) => checked('counter-run', r.why, r)),
    ],
  };
}

/** The record of one claim; `usedIn` comes from the published questions (see findClaimUsages). */
export function claimRecord(claim: Claim<unknown>, usedIn: readonly string[] = []): ClaimRecord {
  const experiment = getExperiment(claim.experiment);
  const params = resolveParams(experiment.id, claim.params);
  const reference = getStoredRun(experiment.id);
  const p = reference?.provenance;
  return {
    id: claim.id,
    statement: claim.statement,
    experiment: { id: experiment.id, title: experiment.title, question: experiment.question, code: coreFileFor(experiment.id) },
    claimParams: claim.params as Record<string, Json>,
    params,
    seeds: [...claim.seeds],
    mode: claim.mode,
    checkedBy: testFileFor(claim),
    figure: claim.figure,
    verification: verificationOf(claim),
    usedIn: [...usedIn],
    runs: reference ? [storedRun(claim, params, reference)] : [],
    provenance: p
      ? {
          experiment: p.experiment,
          seed: p.seed,
          commit: p.commit,
          dirty: p.dirty,
          date: p.date,
          tfjsVersion: p.tfjsVersion,
          backend: p.backend,
          runtime: p.runtime,
        }
      : null,
  };
}

/** Every registered claim, in registry order. */
export function claimRecords(usages: ReadonlyMap<string, readonly string[]> = new Map()): ClaimRecord[] {
  return claims.map((c) => claimRecord(c, usages.get(c.id) ?? []));
}

/** The compact rows (3 significant digits, long curves summarized) the claims page shows for a run. */
export function measurementRows(run: StoredRun): MeasurementRow[] {
  return flattenMeasurements(run.measurements);
}
