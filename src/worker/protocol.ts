// Messages between an evidence block (main thread) and its Web Worker: the one typed protocol both sides
// import. One run at a time per worker; every reply names the run id it belongs to, so a late message from a
// cancelled run is ignored.
import type { BackendInfo } from '~/lab/backend';
import type { Outcome } from '~/lab/experiment/claim';
import type { DecodedToken } from '~/lab/translate';

export type ToWorker =
  | { type: 'run'; id: number; experiment: string; claim?: string; params: Record<string, unknown>; seed: number }
  | { type: 'snippet'; id: number; experiment: string; claim?: string; code: string; params: Record<string, unknown>; seed: number }
  /** The block lab: a reader's block module (its source), checked, measured and trained beside the stock wrappers. */
  | { type: 'block'; id: number; source: string; seed: number }
  | { type: 'cancel'; id: number }
  | { type: 'memory'; id: number }
  /** "Translate it yourself": train E15's default encoder–decoder (steps: a shorter run, shown on the page) and keep it. */
  | { type: 'translator-train'; id: number; seed: number; steps?: number }
  /** Greedy decoding of a source sentence (ids) by the kept model: one `translation-token` per token, then `done`. */
  | { type: 'translate'; id: number; source: number[] };

/** The backend the worker's lab runs on (with why WASM was not used, when it was not). */
export type BackendReport = BackendInfo;

export type FromWorker =
  | { type: 'backend'; id: number; report: BackendReport }
  | { type: 'progress'; id: number; fraction: number; message: string; data?: unknown }
  | {
      type: 'done';
      id: number;
      measurements: unknown;
      /** The claim's predicate on these measurements, when the block has a claim. */
      outcome?: Outcome;
      numTensors: number;
      /** Bytes held by live tensors after the run (a leak shows here too). */
      numBytes: number;
      ms: number;
    }
  | { type: 'cancelled'; id: number; numTensors: number }
  | {
      type: 'error';
      id: number;
      message: string;
      /** 'check': a reader's block failed the block lab's check before training (problem names which, block-check.ts). */
      kind: 'run' | 'syntax' | 'runtime' | 'check';
      problem?: string;
      line?: number;
      column?: number;
      numTensors?: number;
    }
  | { type: 'memory'; id: number; numTensors: number; numBytes: number }
  /** One generated token of a `translate` run, as it is decoded. */
  | { type: 'translation-token'; id: number; token: DecodedToken };
