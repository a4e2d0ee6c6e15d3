// Runs an experiment's default configuration and packs the result with its provenance: the one place
// that decides what a stored run contains (used by `npm run stored-runs` and the claims suite).
import { defaultsOf, getExperiment } from '.';
import type { Provenance, StoredRun } from '~/lab/experiment/stored-run';
import type { ParamSchema, ParamValues } from '~/lab/experiment/schema';
import type { BackendName, Json, Progress } from '~/lab/experiment/types';

export interface RecordOptions {
  backend?: BackendName;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Lab commit and dirty flag; computed by the caller (git is a Node concern). */
  commit?: { commit: string; dirty: boolean };
}

/** Rounds every number to 6 significant digits: stable files, far below any stated tolerance. */
export function roundMeasurements(value: Json): Json {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(6)) : null;
  if (Array.isArray(value)) return value.map(roundMeasurements);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundMeasurements(v)]));
  return value;
}

export async function recordStoredRun(id: string, options: RecordOptions = {}): Promise<StoredRun> {
  const exp = getExperiment(id);
  const params = defaultsOf(id);
  const { initBackend } = await import('~/lab/backend');
  const info = await initBackend({ prefer: options.backend ?? 'wasm' });
  const started = performance.now();
  const measurements = await exp.run(params as ParamValues<ParamSchema>, {
    seed: exp.defaultSeed,
    backend: options.backend ?? 'wasm',
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const provenance: Provenance = {
    experiment: id,
    seed: exp.defaultSeed,
    backend: info.backend,
    ...(info.fallbackReason ? { fallbackReason: info.fallbackReason } : {}),
    tfjsVersion: info.tfjsVersion,
    date: new Date().toISOString(),
    params,
    commit: options.commit?.commit ?? 'unknown',
    dirty: options.commit?.dirty ?? false,
    durationMs: Math.round(performance.now() - started),
    runtime: typeof process !== 'undefined' && process.versions?.node ? `node v${process.versions.node}` : 'browser',
  };
  return { provenance, measurements: roundMeasurements(measurements) };
}
