// The training-worker side of the pool (train-pool.ts). A training worker is another instance of the
// experiment worker (worker.ts, so both share one set of chunks): on 'train-init' it starts its backend, on
// 'train-job' it runs one training to a target loss on a fresh model and reports progress and the result.
import type { TargetJob } from '~/lab/train-to-target';
import type { BackendName } from '~/lab/experiment/types';
import { wasmFiles } from './wasm-files';

export type ToTrainWorker =
  { type: 'train-init'; backend: BackendName } | { type: 'train-job'; job: number; spec: TargetJob; backend: BackendName };
export type FromTrainWorker =
  | { type: 'progress'; job: number; step: number; steps: number; loss: number }
  | { type: 'done'; job: number; result: import('~/lab/train-to-target').TargetResult }
  | { type: 'error'; job: number; message: string };

let ready: Promise<unknown> | undefined;
const start = (backend: BackendName) =>
  (ready ??= import('~/lab/backend').then(({ initBackend }) => initBackend({ prefer: backend, wasmPath: wasmFiles })));

/** Handles one pool message in a training worker; `post` sends the replies. */
export async function handleTrainMessage(msg: ToTrainWorker, post: (reply: FromTrainWorker) => void): Promise<void> {
  if (msg.type === 'train-init') return void start(msg.backend).catch(() => undefined); // a job reports the failure
  const { job, spec, backend } = msg;
  try {
    await start(backend);
    const { runTargetJob } = await import('~/lab/train-to-target');
    let last = -Infinity;
    const result = await runTargetJob(spec, {
      onProgress(p) {
        if (performance.now() - last < 50) return; // at most every 50 ms
        last = performance.now();
        post({ type: 'progress', job, step: p.step, steps: p.steps, loss: p.loss });
      },
    });
    post({ type: 'done', job, result });
  } catch (err) {
    post({ type: 'error', job, message: err instanceof Error ? err.message : String(err) });
  }
}
