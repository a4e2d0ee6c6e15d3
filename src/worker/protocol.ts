// Messages between an evidence block (main thread) and its Web Worker. One run at a time per worker;
// every reply names the run id it belongs to, so a late message from a cancelled run is ignored.

export type ToWorker =
  | { type: 'run'; id: number; experiment: string; claim?: string; params: Record<string, unknown>; seed: number }
  | { type: 'snippet'; id: number; experiment: string; claim?: string; code: string; params: Record<string, unknown>; seed: number }
  | { type: 'cancel'; id: number }
  | { type: 'memory'; id: number };

export interface BackendReport {
  backend: string;
  tfjsVersion: string;
  /** Why WASM was not used, when it was not. */
  fallbackReason?: string;
}

export type FromWorker =
  | { type: 'backend'; id: number; report: BackendReport }
  | { type: 'progress'; id: number; fraction: number; message: string; data?: unknown }
  | {
      type: 'done';
      id: number;
      measurements: unknown;
      verdict?: { holds: boolean; detail: string };
      numTensors: number;
      /** Bytes held by live tensors after the run (a leak shows here too). */
      numBytes: number;
      ms: number;
    }
  | { type: 'cancelled'; id: number; numTensors: number }
  | { type: 'error'; id: number; message: string; kind: 'run' | 'syntax' | 'runtime'; line?: number; column?: number; numTensors?: number }
  | { type: 'memory'; id: number; numTensors: number; numBytes: number };
