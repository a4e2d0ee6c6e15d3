// A stored reference run: an experiment's default measurements plus where they came from, so pages can
// show real numbers with JavaScript off and a test can prove they still match the code.
import type { BackendName, Json } from './types';

export interface Provenance {
  experiment: string;
  seed: number;
  /** The backend that actually ran (after any fallback). */
  backend: BackendName;
  /** Why the preferred backend was not used, if it was not. */
  fallbackReason?: string;
  tfjsVersion: string;
  /** ISO date-time of the run. */
  date: string;
  /** The validated parameters of the run (the experiment's defaults). */
  params: Record<string, Json>;
  /** Short git commit of the lab when the run was made ("unknown" outside a work tree). */
  commit: string;
  /** Whether the work tree had uncommitted changes under src/lab when the run was made. */
  dirty: boolean;
  /** Wall-clock duration of the run, for information only (never compared). */
  durationMs: number;
  /** The runtime, e.g. "node v24.21.0". */
  runtime: string;
}

export interface StoredRun<M extends Json = Json> {
  provenance: Provenance;
  measurements: M;
}

/** Checks the shape of a parsed stored-run file; the message names the file's experiment and the field. */
export function assertStoredRun(id: string, value: unknown): asserts value is StoredRun {
  const v = value as Partial<StoredRun> | null;
  const p = v?.provenance as Partial<Provenance> | undefined;
  const problems: string[] = [];
  if (!v || typeof v !== 'object') problems.push('not an object');
  else {
    if (!p || typeof p !== 'object') problems.push('missing "provenance"');
    else {
      if (p.experiment !== id) problems.push(`provenance.experiment is ${JSON.stringify(p.experiment)}, expected "${id}"`);
      if (typeof p.seed !== 'number') problems.push('provenance.seed missing');
      if (p.backend !== 'wasm' && p.backend !== 'cpu') problems.push('provenance.backend must be "wasm" or "cpu"');
      if (typeof p.tfjsVersion !== 'string') problems.push('provenance.tfjsVersion missing');
      if (typeof p.date !== 'string') problems.push('provenance.date missing');
      if (!p.params || typeof p.params !== 'object') problems.push('provenance.params missing');
    }
    if (v.measurements === undefined) problems.push('missing "measurements"');
  }
  if (problems.length) throw new Error(`The stored run of ${id} is malformed: ${problems.join('; ')}`);
}
