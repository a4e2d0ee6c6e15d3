// The contract every experiment module meets, so the registry, the CLI, the claims suite, the reference
// store and the page can treat E1..E10 alike.
import type { BackendOptions } from '../backend';
import type { JobRunner } from '../train-to-target';
import type { LabFacade } from '../facade';
import type { ParamSchema, ParamValues } from './schema';

/** Plain JSON: what experiments return, what stored runs keep. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Progress {
  /** 0..1 of the whole run. */
  fraction: number;
  /** What is running, e.g. "post-ln: step 40/200". */
  message: string;
}

export type BackendName = 'wasm' | 'cpu';

export interface RunOptions {
  seed: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Preferred TF.js backend; the lab falls back to CPU (with a reason) when WASM cannot start. */
  backend?: BackendName;
  /** In a browser: the URL prefix the .wasm files are served from, or a file-name → URL map. */
  wasmPath?: BackendOptions['wasmPath'];
  /** How independent trainings run (the page passes a pool of workers); one after another by default. */
  runJobs?: JobRunner;
  /** A lab in place of the one the core would get: the block lab builds a reader's block in one variant's place. */
  adaptLab?: (lab: LabFacade) => LabFacade;
}

/** How closely a fresh default run must match the stored run (same seed, same backend). */
export interface RunTolerance {
  /** Relative tolerance on every number: |fresh − stored| ≤ atol + rtol·|stored|. */
  rtol: number;
  atol: number;
  /** Dotted paths not compared because they are wall-clock measurements (e.g. "timing"). */
  ignore: string[];
  /** Why this tolerance, in one sentence (shown on the claims page). */
  why: string;
}

export interface Experiment<S extends ParamSchema = ParamSchema, M extends Json = Json> {
  id: string;
  title: string;
  /** What it measures, in one sentence. */
  question: string;
  params: S;
  /** Seed of the default (stored) run. */
  defaultSeed: number;
  tolerance: RunTolerance;
  /** Set when the core trains through lab.trainManyToTarget: the page starts its worker pool with the run. */
  trainsInParallel?: boolean;
  run(params: ParamValues<S>, options: RunOptions): Promise<M>;
}

/** An experiment with its parameter and measurement types erased, as held by the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExperiment = Experiment<any, any>;
