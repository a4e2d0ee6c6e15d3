// The `lab` object every experiment core receives: a small facade over the lab's public API (model,
// tasks, train, evaluate, instruments). Cores use nothing else, so the page can show a core as a snippet
// and the in-page editor can run an edited copy in a Worker against this same object.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendInfo, type BackendOptions } from './backend';
import type { ModelConfig, TrainConfig } from './config';
import { createModel, forward, maskedCrossEntropy, type Model } from './model';
import { makeRng } from './rng';
import { encodeBatch, makeTask, taskModelFields, type Task, type TaskId } from './tasks';
import { train, type TrainResult, type Progress as TrainProgress } from './train';
import { evaluate, predict, type EvalOptions, type EvalResult } from './evaluate';
import { forwardStats, gradientNorms, paramCounts, streamGradients, timeStep, type StepTiming } from './instruments';
import type { BackendName } from './experiment/types';

export type { Model, Task, TrainResult, EvalResult, StepTiming };

/** Model settings a core may choose; the task fixes vocabulary and length. */
export type ModelOptions = Partial<Omit<ModelConfig, 'vocabSize' | 'maxLen'>>;

export interface ProbeResult {
  /** Decoder blocks in order: 'dec.0', 'dec.1', … */
  blocks: string[];
  /** Mean token norm ‖x‖ of the stream after the embedding (index 0) and after each block. */
  streamNorm: number[];
  /** Relative residual ‖X − 1·meanᵀ‖/‖X‖ after the embedding (index 0) and after each block (Don21). */
  relResidual: number[];
  /** ‖F(x)‖/‖x‖ per sublayer ('dec.0.self', 'dec.0.ffn', …): the update against the stream it is added to. */
  branchRatio: Record<string, number>;
  /** Mean over tokens of ⟨x_l, x₀⟩/⟨x₀, x₀⟩, the input's coefficient in the stream, at the input (1) and after each block. */
  inputCoefficient: number[];
  /** Mean over tokens of cos(x_l, x₀), at the input (1) and after each block. */
  inputCosine: number[];
}

/** The four attention matrices of one block, W^Q, W^K, W^V (split from the fused projection) and W^O. */
export type AttentionMatrices<T> = {
  WQ: T;
  WK: T;
  WV: T;
  WO: T;
};

/** The outcome of one training to a target loss. */
export interface TargetResult {
  stepsToTarget: number | null;
  outcome: 'reached' | 'not reached' | 'diverged' | 'aborted';
  loss: number[];
}

/** One training to a target loss as plain data (a fresh model from its options), so another worker can run it. */
export interface TargetJob {
  task: TaskId;
  model: ModelOptions & { seed: number };
  config: Partial<TrainConfig>;
  targetLoss: number;
}

/** Progress of job number `job`; `finished` once its result is in. */
export interface JobProgress {
  job: number;
  step: number;
  steps: number;
  loss: number;
  finished: boolean;
}

/** Runs independent jobs, maybe in parallel, and returns their results in job order. */
export type JobRunner = (jobs: TargetJob[], options: { signal?: AbortSignal; onProgress?: (p: JobProgress) => void }) => Promise<TargetResult[]>;

export interface LabFacade {
  backend: BackendInfo;
  /** A toy task: 'reverse', 'copy', 'running-sum' (mod 5) or 'translation'. */
  task(id: TaskId): Task;
  /** A decoder-only model for the task, initialized from `seed` (Glorot). Call dispose() when done. */
  model(task: Task, options: ModelOptions & { seed: number }): Model;
  /** Trains in place with Adam; stops early on abort or divergence (see result.status). */
  train(model: Model, task: Task, config: Partial<TrainConfig>, ctx?: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void }): Promise<TrainResult>;
  /**
   * Trains until the training loss, averaged over the last 5 steps, is below targetLoss (then stops), or the
   * step budget ends. stepsToTarget is null when the target was not reached.
   */
  trainToTarget(
    model: Model, task: Task, config: Partial<TrainConfig>,
    options: { targetLoss: number; signal?: AbortSignal; onProgress?: (p: TrainProgress) => void },
  ): Promise<TargetResult>;
  /**
   * Independent trainings to a target, each on a fresh model built from its job. In the page they share out
   * over the reader's cores (one worker each); in Node they run one after another. Results come in job order
   * and are the same numbers either way (each job is seeded; same backend).
   */
  trainManyToTarget(jobs: TargetJob[], options?: { signal?: AbortSignal; onProgress?: (p: JobProgress) => void }): Promise<TargetResult[]>;
  /** Lets the event loop run (so a Cancel can arrive between two pieces of synchronous work), then throws if aborted. */
  checkpoint(signal?: AbortSignal): Promise<void>;
  /** Teacher-forced and free-running accuracy per answer position on held-out data; optional lesion. */
  evaluate(model: Model, task: Task, options?: EvalOptions): EvalResult;
  /** ‖∂loss/∂θ‖ per decoder block ('dec.0'…), on one batch at the current weights (one backward pass). */
  gradientNorms(model: Model, task: Task, options: { seed: number; batchSize?: number }): { blocks: string[]; norms: number[] };
  /**
   * ‖∂loss/∂x_l‖ of the stream entering the stack (index 0) and after each block (index l), on one batch at the
   * current weights: the gradient that reaches each block from above (Frobenius norm over the batch's tokens).
   */
  streamGradients(model: Model, task: Task, options: { seed: number; batchSize?: number }): { points: string[]; norms: number[] };
  /** Stream norm, relative residual per block and ‖F(x)‖/‖x‖ per sublayer, on one batch (forward only). */
  probe(model: Model, task: Task, options: { seed: number; batchSize?: number; lesion?: string[] }): ProbeResult;
  /** Teacher-forced accuracy over the answer tokens on held-out data (one forward pass); optional lesion. */
  accuracy(model: Model, task: Task, options?: { seed?: number; batchSize?: number; lesion?: string[] }): number;
  /**
   * Greedy generation accuracy on the answer: every answer input starts unknown (the separator stands in)
   * and is filled left to right with the model's own previous output, so even a model without a causal
   * mask cannot read a true future token. Mean over answer tokens, held-out data.
   */
  generate(model: Model, task: Task, options?: { seed?: number; batchSize?: number }): number;
  /** Mean cross-entropy at every position of the sequence (question and answer), on held-out data. */
  lossByPosition(model: Model, task: Task, options?: { seed?: number; batchSize?: number }): number[];
  /** Number of weights (and biases) of a model. */
  countParams(model: Model): number;
  /** Number of TF.js kernels (operations) one forward + backward pass executes. */
  opsPerStep(model: Model, task: Task): Promise<number>;
  /** Median ms per training step, and the measured ms and share spent in the residual adds and the norms. */
  timeStep(model: Model, task: Task, config?: Partial<TrainConfig>): Promise<StepTiming>;
  /** ‖∂loss/∂W‖ of W^Q, W^K, W^V, W^O per block, on one batch. */
  attentionGradients(model: Model, task: Task, options: { seed: number; batchSize?: number }): Record<string, AttentionMatrices<number>>;
  /** A copy of W^Q, W^K, W^V, W^O per block, as flat arrays (to measure how far training moves them). */
  attentionWeights(model: Model): Record<string, AttentionMatrices<number[]>>;
}

function decoderBlocks(model: Model): string[] {
  return Array.from({ length: model.config.nLayers }, (_, l) => `dec.${l}`);
}

/** Rows of a [d, 3d] fused Q/K/V matrix split into its three [d, d] column blocks (Q, K, V in that order). */
function splitQkv(flat: ArrayLike<number>, d: number): [number[], number[], number[]] {
  const parts: [number[], number[], number[]] = [[], [], []];
  for (let r = 0; r < d; r++) for (let c = 0; c < 3 * d; c++) parts[Math.floor(c / d) as 0 | 1 | 2].push(flat[r * 3 * d + c]!);
  return parts;
}

const norm = (xs: readonly number[]) => Math.sqrt(xs.reduce((a, x) => a + x * x, 0));

/** Trains until the mean training loss of the last 5 steps is below targetLoss, or the budget ends. */
async function trainToTarget(
  model: Model, task: Task, config: Partial<TrainConfig>,
  { targetLoss, signal, onProgress }: { targetLoss: number; signal?: AbortSignal; onProgress?: (p: TrainProgress) => void },
): Promise<TargetResult> {
  const stop = new AbortController(); // aborts the run at the target, or when the caller aborts
  const forward = () => stop.abort();
  signal?.addEventListener('abort', forward, { once: true });
  const recent: number[] = [];
  let stepsToTarget: number | null = null;
  try {
    const result = await train(model, task, { ...config, progressEvery: 1 }, {
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
    });
    const outcome = stepsToTarget !== null ? 'reached' : result.status === 'diverged' ? 'diverged' : signal?.aborted ? 'aborted' : 'not reached';
    return { stepsToTarget, outcome, loss: result.history.loss };
  } finally {
    signal?.removeEventListener('abort', forward);
  }
}

/** One job in this thread: build its model, train it to the target, dispose it. */
export async function runTargetJob(job: TargetJob, options: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void } = {}): Promise<TargetResult> {
  const task = makeTask(job.task);
  const model = createModel({ ...taskModelFields(task), ...job.model });
  try {
    return await trainToTarget(model, task, job.config, { targetLoss: job.targetLoss, ...options });
  } finally {
    model.dispose();
  }
}

/** The jobs one after another in this thread (Node, or a page without workers). */
const runSequentially: JobRunner = async (jobs, { signal, onProgress } = {}) => {
  const results: TargetResult[] = [];
  for (const [job, spec] of jobs.entries()) {
    const result = await runTargetJob(spec, { signal, onProgress: (p) => onProgress?.({ job, step: p.step, steps: p.steps, loss: p.loss, finished: false }) });
    signal?.throwIfAborted();
    results.push(result);
    onProgress?.({ job, step: result.loss.length, steps: result.loss.length, loss: result.loss.at(-1) ?? NaN, finished: true });
  }
  return results;
};

/** runJobs: how trainManyToTarget runs its jobs (the page passes a pool of workers); one after another by default. */
export async function createLab(options: { backend?: BackendName; wasmPath?: BackendOptions['wasmPath']; runJobs?: JobRunner } = {}): Promise<LabFacade> {
  const backend = await initBackend({ prefer: options.backend ?? 'wasm', wasmPath: options.wasmPath });
  const sampleBatch = (model: Model, task: Task, seed: number, batchSize: number, lossOn: 'answer' | 'all' = 'answer') =>
    encodeBatch(task, model.config, task.sample(makeRng(seed).fork('instrument'), batchSize), lossOn);

  return {
    backend,
    task: (id) => makeTask(id),
    model: (task, opts) => createModel({ ...taskModelFields(task), ...opts }),
    train: (model, task, config, ctx = {}) => train(model, task, config, ctx),
    evaluate: (model, task, opts) => evaluate(model, task, opts),

    trainToTarget,
    trainManyToTarget: (jobs, opts = {}) => (options.runJobs ?? runSequentially)(jobs, opts),
    async checkpoint(signal) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
    },

    gradientNorms(model, task, { seed, batchSize = 32 }) {
      const { byLayer } = gradientNorms(model, task, { seed, batchSize });
      const blocks = decoderBlocks(model);
      return { blocks, norms: blocks.map((b) => byLayer[b] ?? 0) };
    },

    streamGradients(model, task, { seed, batchSize = 32 }) {
      const { points, norms } = streamGradients(model, task, { seed, batchSize });
      return { points, norms };
    },

    probe(model, task, { seed, batchSize = 32, lesion }) {
      const stats = forwardStats(model, task, { seed, batchSize, lesion });
      const points = ['dec.input', ...decoderBlocks(model)];
      const row = (name: string) => stats.layers.find((l) => l.name === name)!;
      return {
        blocks: decoderBlocks(model),
        streamNorm: points.map((p) => row(p).norm),
        relResidual: points.map((p) => row(p).relResidual),
        branchRatio: stats.branchRatio,
        inputCoefficient: points.map((p) => row(p).inputCoefficient),
        inputCosine: points.map((p) => row(p).inputCosine),
      };
    },

    accuracy(model, task, { seed = 0x5eed, batchSize = 256, lesion } = {}) {
      const batch = sampleBatch(model, task, seed, batchSize);
      const pred = predict(model, batch, batch.decIn, lesion ? new Set(lesion) : undefined);
      let right = 0;
      let total = 0;
      for (let i = 0; i < pred.length; i++) {
        if (batch.mask[i]) (total += 1), (right += pred[i] === batch.target[i] ? 1 : 0);
      }
      return right / total;
    },

    generate(model, task, { seed = 0x5eed, batchSize = 256 } = {}) {
      const batch = sampleBatch(model, task, seed, batchSize);
      const { B, T, freeFrom, answerStart, target } = batch;
      const decIn = Int32Array.from(batch.decIn);
      for (let b = 0; b < B; b++) for (let t = freeFrom; t < T; t++) decIn[b * T + t] = task.sep;
      for (let t = freeFrom; t < T; t++) {
        const pred = predict(model, batch, decIn);
        for (let b = 0; b < B; b++) decIn[b * T + t] = pred[b * T + t - 1]!;
      }
      const pred = predict(model, batch, decIn);
      let right = 0;
      for (let b = 0; b < B; b++) for (let t = answerStart; t < T; t++) right += pred[b * T + t] === target[b * T + t] ? 1 : 0;
      return right / (B * (T - answerStart));
    },

    lossByPosition(model, task, { seed = 0x5eed, batchSize = 256 } = {}) {
      const batch = sampleBatch(model, task, seed, batchSize, 'all');
      const perPos = tf.tidy(() => {
        const logits = forward(model, { B: batch.B, T: batch.T, decIn: batch.decIn });
        const nll = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(tf.tensor1d(batch.target, 'int32'), model.config.vocabSize)), 1));
        return tf.mean(tf.reshape(nll, [batch.B, batch.T]), 0);
      });
      const out = Array.from(perPos.dataSync());
      perPos.dispose();
      return out;
    },

    countParams: (model) => paramCounts(model).total,

    async opsPerStep(model, task) {
      const batch = sampleBatch(model, task, 0, 8);
      const vars = [...model.params.values()];
      const info = await tf.profile(() => {
        const { value, grads } = tf.variableGrads(
          () => maskedCrossEntropy(forward(model, { B: batch.B, T: batch.T, decIn: batch.decIn }), batch.target, batch.mask),
          vars,
        );
        tf.dispose([value, ...Object.values(grads)]);
      });
      return info.kernels.length;
    },

    timeStep: (model, task, config = {}) => timeStep(model, task, config),

    attentionGradients(model, task, { seed, batchSize = 32 }) {
      const batch = sampleBatch(model, task, seed, batchSize);
      const d = model.config.dModel;
      const blocks = decoderBlocks(model);
      const names = blocks.flatMap((b) => [`${b}.self.wqkv`, `${b}.self.wo`]);
      const vars = names.map((n) => model.params.get(n)!);
      const grads = tf.tidy(() => {
        const { grads: g } = tf.variableGrads(
          () => maskedCrossEntropy(forward(model, { B: batch.B, T: batch.T, decIn: batch.decIn }), batch.target, batch.mask),
          vars,
        );
        return vars.map((v) => tf.keep(g[v.name]!));
      });
      const out: Record<string, AttentionMatrices<number>> = {};
      blocks.forEach((b, i) => {
        const [q, k, v] = splitQkv(grads[2 * i]!.dataSync(), d);
        out[b] = { WQ: norm(q), WK: norm(k), WV: norm(v), WO: norm(Array.from(grads[2 * i + 1]!.dataSync())) };
      });
      tf.dispose(grads);
      return out;
    },

    attentionWeights(model) {
      const d = model.config.dModel;
      const out: Record<string, AttentionMatrices<number[]>> = {};
      for (const b of decoderBlocks(model)) {
        const [q, k, v] = splitQkv(model.params.get(`${b}.self.wqkv`)!.dataSync(), d);
        out[b] = { WQ: q, WK: k, WV: v, WO: Array.from(model.params.get(`${b}.self.wo`)!.dataSync()) };
      }
      return out;
    },
  };
}
