// Turns a core (the plain-JS function the page shows and the editor re-runs) into an Experiment: the
// wrapper validates nothing itself (the registry does), builds the lab facade on the chosen backend and
// hands the core only { seed, signal, onProgress }.
import type { ParamSchema, ParamValues } from './schema';
import type { Experiment, Json, Progress, RunOptions } from './types';
import type { LabFacade } from '../facade';

/** What a core receives besides the lab and its parameters. */
export interface CoreContext {
  seed: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export type CoreRun<P, M> = (lab: LabFacade, params: P, ctx: CoreContext) => Promise<M>;

export function defineExperiment<S extends ParamSchema, M extends Json>(
  meta: Omit<Experiment<S, M>, 'run'>,
  core: CoreRun<ParamValues<S>, M>,
): Experiment<S, M> {
  return {
    ...meta,
    async run(params, options: RunOptions) {
      // Loaded on first run only, so listing experiments (pages, CLI) never loads TF.js.
      const { createLab } = await import('../facade');
      const lab = await createLab({ backend: options.backend, wasmPath: options.wasmPath, runJobs: options.runJobs });
      options.signal?.throwIfAborted();
      return core(options.adaptLab ? options.adaptLab(lab) : lab, params, {
        seed: options.seed,
        signal: options.signal,
        onProgress: options.onProgress,
      });
    },
  };
}
