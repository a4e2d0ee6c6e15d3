// Independent trainings (TargetJob) shared out over one worker per core, for lab.trainManyToTarget in the
// page: E2's eight trainings take about half the time on two cores. Each job is seeded and runs on the same
// backend, so the numbers are those of running them one after another. Cancel terminates the workers.
import type { JobRunner, TargetResult } from '~/lab/train-to-target';
import type { BackendName } from '~/lab/experiment/types';
import type { FromTrainWorker, ToTrainWorker } from './train-job';

/** Workers for the pool: one per core, at most 4; none (run in place) on a single core. */
export const poolSize = (cores: number): number => (cores >= 2 ? Math.min(4, cores) : 0);

export interface TrainPool {
  run: JobRunner;
  /** Terminates the workers (after the experiment's run, or on cancel). */
  close(): void;
}

/**
 * warm: start the workers (and their TF.js) now, while the experiment does its other measurements first;
 * otherwise on the first job.
 */
export function trainPool(size: number, backend: BackendName, warm = false): TrainPool {
  let workers: Worker[] = [];
  const spawn = () => {
    while (workers.length < size) {
      // Another instance of this experiment worker's own script: one set of chunks for both (train-job.ts).
      const w = new Worker(self.location.href, { type: 'module' });
      w.postMessage({ type: 'train-init', backend } satisfies ToTrainWorker);
      workers.push(w);
    }
    return workers;
  };
  const close = () => {
    workers.forEach((w) => w.terminate());
    workers = [];
  };
  if (warm) spawn();
  let busy = false;
  const run: JobRunner = (jobs, { signal, onProgress } = {}) =>
    new Promise<TargetResult[]>((resolve, reject) => {
      if (busy) return reject(new Error('trainManyToTarget runs one batch of jobs at a time: await the first call before the next'));
      busy = true;
      const results: TargetResult[] = new Array(jobs.length);
      let next = 0;
      let finished = 0;
      const end = (error?: unknown) => {
        busy = false;
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve(results);
        else {
          close(); // a worker may be mid-job: never reuse it
          reject(error);
        }
      };
      const onAbort = () => end(signal!.reason ?? new DOMException('The run was cancelled', 'AbortError'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (w: Worker) => {
        if (next < jobs.length) w.postMessage({ type: 'train-job', job: next, spec: jobs[next++]!, backend } satisfies ToTrainWorker);
      };
      for (const w of spawn().slice(0, jobs.length)) {
        w.onmessage = ({ data: m }: MessageEvent<FromTrainWorker>) => {
          if (m.type === 'progress') onProgress?.({ job: m.job, step: m.step, steps: m.steps, loss: m.loss, finished: false });
          else if (m.type === 'error') end(new Error(`training ${m.job + 1} of ${jobs.length} failed: ${m.message}`));
          else {
            results[m.job] = m.result;
            const loss = m.result.loss;
            onProgress?.({ job: m.job, step: loss.length, steps: loss.length, loss: loss.at(-1) ?? NaN, finished: true });
            if (++finished === jobs.length) end();
            else feed(w);
          }
        };
        w.onerror = (e) => end(new Error(`a training worker failed to start: ${e.message || 'script error'}`));
        feed(w);
      }
    });
  return { run, close };
}
