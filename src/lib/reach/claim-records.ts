// Every registered claim as plain data: its sentence, experiment, parameters, seeds, the stored reference
// run's measurements with the predicate's outcome on it, the configurations the claims suite verifies, and
// the provenance of the stored run. The source of /claims.json and of the evidence blocks of the Markdown
// twins, so both say exactly what the pages say. Nothing typed: all of it comes from src/lab and
// src/data/references.
import { claims, testFileFor, type Claim } from '../../lab/claims';
import { verdictOnReference } from '../../lab/claims/on-reference';
import { getExperiment, resolveParams } from '../../lab/experiments/index';
import { flattenMeasurements, type MeasurementRow } from '../../lab/experiments/flatten';
import type { StoredReference } from '../../lab/experiments/reference';
import type { Json } from '../../lab/experiments/types';
import { getReference } from '../../data/references/index';

export interface StoredRun {
  seed: number;
  /** The run's measurements as stored (src/data/references/<experiment>.json). */
  measurements: Json;
  /** The predicate on this run alone; null when the run is not one the claim covers (other parameters or seed). */
  holds: boolean | null;
  /** The numbers the verdict rests on, in words (the predicate's detail); null as for holds. */
  detail: string | null;
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
  /** The configurations the claims suite checks the claim at (backend and parameters with their seeds). */
  scales: { backend: 'wasm'; params: Record<string, Json>; seeds: number[] }[];
  /** Questions whose page shows the claim's evidence block. */
  usedIn: string[];
  /** Stored runs with their per-seed outcome (today: the experiment's reference run). */
  runs: StoredRun[];
  /** Where the stored run came from; null when no reference run is stored. */
  provenance: { experiment: string; seed: number; commit: string; dirty: boolean; date: string; tfjsVersion: string; backend: string; runtime: string } | null;
}

function storedRun(claim: Claim<unknown>, params: Record<string, Json>, reference: StoredReference): StoredRun {
  const verdict = verdictOnReference(claim, params, reference);
  return { seed: reference.provenance.seed, measurements: reference.measurements, holds: verdict?.holds ?? null, detail: verdict?.detail ?? null };
}

/** The record of one claim; `usedIn` comes from the published questions (see findClaimUsages). */
export function claimRecord(claim: Claim<unknown>, usedIn: readonly string[] = []): ClaimRecord {
  const experiment = getExperiment(claim.experiment);
  const params = resolveParams(experiment.id, claim.params);
  const reference = getReference(experiment.id);
  const p = reference?.provenance;
  return {
    id: claim.id,
    statement: claim.statement,
    experiment: { id: experiment.id, title: experiment.title, question: experiment.question, code: `src/lab/experiments/${experiment.coreFile}` },
    claimParams: claim.params as Record<string, Json>,
    params,
    seeds: [...claim.seeds],
    mode: claim.mode,
    checkedBy: testFileFor(claim),
    scales: [{ backend: 'wasm', params, seeds: [...claim.seeds] }],
    usedIn: [...usedIn],
    runs: reference ? [storedRun(claim, params, reference)] : [],
    provenance: p
      ? { experiment: p.experiment, seed: p.seed, commit: p.commit, dirty: p.dirty, date: p.date, tfjsVersion: p.tfjsVersion, backend: p.backend, runtime: p.runtime }
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
