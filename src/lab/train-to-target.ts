// Training to a target loss: one model (trainToTarget), one job given as plain data so another worker can run
// it (runTargetJob), and a list of independent jobs one after another (runSequentially; the page passes a
// pool of workers instead, with the same results).
import type { TrainConfig } from './config';
import { createModel, type Model } from './model';
import { makeTask, taskModelFields, type Task, type TaskId } from './tasks';
import { train, type Progress as TrainProgress } from './train';
import { loadBlockSource } from './custom-block';
import { evaluate } from './evaluate';
import { canonicalJson } from './experiment/run-cache';

/** Held-out accuracy per answer position at one step: fed the true previous tokens, and fed the model's own outputs. */
export interface EvalCheckpoint {
  step: number;
  teacherForced: number[];
  freeRunning: number[];
}

/** Model settings a core may choose; the task fixes vocabulary and length. */
export type ModelOptions = Partial<Omit<import('./config').ModelConfig, 'vocabSize' | 'maxLen'>>;

/** The outcome of one training to a target loss. */
export interface TargetResult {
  stepsToTarget: number | null;
  outcome: 'reached' | 'not reached' | 'diverged' | 'aborted';
  loss: number[];
  /** With the job's `evaluateEvery`: lab.evaluate at every that many steps and at the last step taken. */
  checkpoints?: EvalCheckpoint[];
}

/** One training to a target loss as plain data (a fresh model from its options), so another worker can run it. */
export interface TargetJob {
  task: TaskId;
  model: ModelOptions & { seed: number };
  config: Partial<TrainConfig>;
  targetLoss: number;
  /** A custom block's module text (custom-block.ts), loaded where the job runs: a function cannot cross to a worker. */
  blockSource?: string;
  /**
   * Evaluate on held-out data (lab.evaluate, batch `evaluateBatch`, default 128) every this many steps and at the
   * last step: the result's checkpoints. A targetLoss of 0 is never reached, so such a job trains its whole budget.
   */
  evaluateEvery?: number;
  evaluateBatch?: number;
}

/** Progress of job number `job`; `finished` once its result is in. */
export interface JobProgress {
  job: number;
  step: number;
  steps: number;
  loss: number;
  finished: boolean;
}

/** A job's progress with `fraction`, the share of the whole batch of jobs done (each job counts equally). */
export interface BatchProgress extends JobProgress {
  fraction: number;
}

/** Wraps a batch's progress callback so each report also carries the batch's overall fraction. */
export function withBatchFraction(jobCount: number, onProgress: (p: BatchProgress) => void): (p: JobProgress) => void {
  const done = new Array<number>(jobCount).fill(0);
  return (p) => {
    done[p.job] = p.finished ? 1 : p.step / p.steps;
    onProgress({ ...p, fraction: done.reduce((a, b) => a + b, 0) / jobCount });
  };
}

/** Runs independent jobs, maybe in parallel, and returns their results in job order. */
export type JobRunner = (
  jobs: TargetJob[],
  options: { signal?: AbortSignal; onProgress?: (p: JobProgress) => void },
) => Promise<TargetResult[]>;

/** Trains until the mean training loss of the last 5 steps is below targetLoss, or the budget ends. */
export async function trainToTarget(
  model: Model,
  task: Task,
  config: Partial<TrainConfig>,
  { targetLoss, signal, onProgress }: { targetLoss: number; signal?: AbortSignal; onProgress?: (p: TrainProgress) => void },
): Promise<TargetResult> {
  const stop = new AbortController(); // aborts the run at the target, or when the caller aborts
  const forward = () => stop.abort();
  signal?.addEventListener('abort', forward, { once: true });
  const recent: number[] = [];
  let stepsToTarget: number | null = null;
  try {
    const result = await train(
      model,
      task,
      { ...config, progressEvery: 1 },
      {
        signal: stop.signal,
        onProgress(p) {
          recent.push(p.loss);
          if (recent.length > 5) recent.shift();
          if (recent.length === 5 && recent.reduce((a, b) => a + b) / 5 < targetLoss) {
            stepsToTarget = p.step;
            stop.abort();
          }
          onProgress?.(p);
        },
      },
    );
    const outcome =
      stepsToTarget !== null ? 'reached' : result.status === 'diverged' ? 'diverged' : signal?.aborted ? 'aborted' : 'not reached';
    return { stepsToTarget, outcome, loss: result.history.loss };
  } finally {
    signal?.removeEventListener('abort', forward);
  }
}

/** One job in this thread: build its model, train it to the target, dispose it. */
export async function runTargetJob(
  job: TargetJob,
  options: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void } = {},
): Promise<TargetResult> {
  const task = makeTask(job.task);
  const block = job.blockSource === undefined ? undefined : await loadBlockSource(job.blockSource);
  const model = createModel({ ...taskModelFields(task), ...job.model }, { block });
  try {
    const every = job.evaluateEvery;
    if (every === undefined) return await trainToTarget(model, task, job.config, { targetLoss: job.targetLoss, ...options });
    const checkpoints: EvalCheckpoint[] = [];
    const check = (step: number) => {
      const { teacherForced, freeRunning } = evaluate(model, task, { batchSize: job.evaluateBatch ?? 128 });
      checkpoints.push({ step, teacherForced: teacherForced.perPosition, freeRunning: freeRunning.perPosition });
    };
    const result = await trainToTarget(model, task, job.config, {
      targetLoss: job.targetLoss,
      signal: options.signal,
      onProgress(p) {
        if (p.step % every === 0) check(p.step);
        options.onProgress?.(p);
      },
    });
    if (checkpoints.at(-1)?.step !== result.loss.length && result.loss.length > 0) check(result.loss.length);
    return { ...result, checkpoints };
  } finally {
    model.dispose();
  }
}

/** The jobs one after another in this thread, each through `runOne`. */
function sequentially(runOne: typeof runTargetJob): JobRunner {
  return async (jobs, { signal, onProgress } = {}) => {
    const results: TargetResult[] = [];
    for (const [job, spec] of jobs.entries()) {
      const result = await runOne(spec, {
        signal,
        onProgress: (p) => onProgress?.({ job, step: p.step, steps: p.steps, loss: p.loss, finished: false }),
      });
      signal?.throwIfAborted();
      results.push(result);
      onProgress?.({ job, step: result.loss.length, steps: result.loss.length, loss: result.loss.at(-1) ?? NaN, finished: true });
    }
    return results;
  };
}

/** The jobs one after another in this thread (Node, or a page without workers). */
export const runSequentially: JobRunner = sequentially(runTargetJob);

/**
 * runSequentially, training each distinct job once for the runner's life: a job is seeded plain data, so the same
 * job gives the same result (the premise of the page's pool too). The claims suite uses it, so claims whose runs
 * share a training (E21's teacher forcing against free running and against scheduled sampling) train it once.
 * `npm run verify-claims` does not: the times it records are each configuration's own.
 */
export function onceEachJob(): JobRunner & { trained(): number; reused(): number } {
  const done = new Map<string, TargetResult>();
  let [trained, reused] = [0, 0];
  const runner = sequentially(async (job, options) => {
    const key = canonicalJson(job);
    const kept = done.get(key);
    if (kept) {
      reused += 1;
      return structuredClone(kept);
    }
    const result = await runTargetJob(job, options);
    trained += 1;
    if (result.outcome !== 'aborted') done.set(key, structuredClone(result));
    return result;
  });
  return Object.assign(runner, { trained: () => trained, reused: () => reused });
}
