// Independent trainings (TargetJob) shared out over the reader's cores, for lab.trainManyToTarget in the page:
// this worker trains too, beside one more worker per other core, so E2's six trainings take about half the
// time on two cores. Each job is seeded and runs on the same backend, so the numbers are those of running them
// one after another. Cancel terminates the workers.
import { runTargetJob, type JobRunner, type TargetResult } from '~/lab/train-to-target';
import type { BackendName } from '~/lab/experiment/types';
import type { FromTrainWorker, ToTrainWorker } from './train-job';

/**
 * Workers for the pool besides this one, which trains too: one per other core, four trainings at most at once;
 * none (run in place) on a single core. Each worker is a JavaScript engine of its own that loads TF.js and
 * compiles it again, work that took a core's share from the trainings on two cores.
 */
export const poolSize = (cores: number): number => Math.min(4, Math.max(1, cores)) - 1;

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
      let settled = false;
      const end = (error?: unknown) => {
        if (settled) return;
        settled = true;
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
      const finish = (job: number, result: TargetResult) => {
        results[job] = result;
        const loss = result.loss;
        onProgress?.({ job, step: loss.length, steps: loss.length, loss: loss.at(-1) ?? NaN, finished: true });
        if (++finished === jobs.length) end();
      };
      for (const w of spawn().slice(0, jobs.length)) {
        w.onmessage = ({ data: m }: MessageEvent<FromTrainWorker>) => {
          if (m.type === 'progress') onProgress?.({ job: m.job, step: m.step, steps: m.steps, loss: m.loss, finished: false });
          else if (m.type === 'error') end(new Error(`training ${m.job + 1} of ${jobs.length} failed: ${m.message}`));
          else {
            finish(m.job, m.result);
            if (!settled) feed(w);
          }
        };
        w.onerror = (e) => end(new Error(`a training worker failed to start: ${e.message || 'script error'}`));
        feed(w);
      }
      // This worker takes jobs too, one at a time; its training yields every 50 ms, so the others' messages get through.
      void (async () => {
        while (!settled && next < jobs.length) {
          const job = next++;
          try {
            const result = await runTargetJob(jobs[job]!, {
              signal,
              onProgress: (p) => onProgress?.({ job, step: p.step, steps: p.steps, loss: p.loss, finished: false }),
            });
            if (!settled) finish(job, result);
          } catch (err) {
            end(new Error(`training ${job + 1} of ${jobs.length} failed: ${err instanceof Error ? err.message : String(err)}`));
          }
        }
      })();
    });
  return { run, close };
}
