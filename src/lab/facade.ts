// The `lab` object every experiment core receives: a small facade over the lab's public API (model, tasks,
// train, evaluate, instruments). Cores use nothing else, so the page can show a core as a snippet and the
// in-page editor can run an edited copy in a Worker against this same object. Only wiring lives here: every
// measurement is implemented in evaluate.ts, instruments.ts or train-to-target.ts.
import { initBackend, type BackendInfo, type BackendName, type BackendOptions } from './backend';
import type { TrainConfig } from './config';
import { createModel, type Model } from './model';
import type { BlockDefinition } from './custom-block';
import { makeTask, taskLengths, taskModelFields, trainingSet, type RawBatch, type Task, type TaskId } from './tasks';
import { train, type TrainResult, type Progress as TrainProgress } from './train';
import { answerAccuracy, evaluate, generationAccuracy, lossByPosition, type EvalOptions, type EvalResult } from './evaluate';
import {
  attentionGradients,
  attentionMaps,
  attentionWeights,
  decoderBlocks,
  forwardStats,
  gradientNorms,
  opsPerStep,
  paramCounts,
  streamGradients,
  timeStep,
  type AttentionMatrices,
  type StepTiming,
} from './instruments';
import { batchLogits, batchLoss, estimateRunningStats, sampleBatch } from './outputs';
import { timeNorms, type NormTiming } from './norm-timing';
import { yieldToEventLoop } from './yield';
import {
  runSequentially,
  trainToTarget,
  withBatchFraction,
  type BatchProgress,
  type JobProgress,
  type JobRunner,
  type ModelOptions,
  type TargetJob,
  type TargetResult,
} from './train-to-target';

export type {
  Model,
  Task,
  TrainResult,
  EvalResult,
  StepTiming,
  AttentionMatrices,
  ModelOptions,
  TargetJob,
  TargetResult,
  JobProgress,
  BatchProgress,
  JobRunner,
  RawBatch,
  NormTiming,
};
export { runTargetJob } from './train-to-target';

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
  /**
   * Per sublayer ('dec.0.self', …): mean over tokens of μ²/mean(x²) of the stream x entering it, the share of a token's
   * mean square that is its mean (in Pre-LN, x is the norm's input: what LayerNorm's re-centring removes and RMSNorm keeps).
   */
  meanShare: Record<string, number>;
}

export interface LabFacade {
  backend: BackendInfo;
  /** A toy task: 'reverse', 'copy', 'running-sum' (mod 5) or 'translation'. */
  task(id: TaskId): Task;
  /** A fixed training set of `size` sequences of a task, drawn from `seed`: a task that samples only them, and the sequences. */
  trainingSet(task: Task, options: { size: number; seed: number }): { task: Task; examples: RawBatch };
  /**
   * A model for the task (decoder-only unless `arch: 'encdec'`), initialized from `seed` (Glorot). Call dispose() when done.
   * `block`: a custom block (custom-block.ts) wraps every sublayer in place of the stock connection and norm.
   */
  model(task: Task, options: ModelOptions & { seed: number; block?: BlockDefinition }): Model;
  /** Trains in place with Adam; stops early on abort or divergence (see result.status). */
  train(
    model: Model,
    task: Task,
    config: Partial<TrainConfig>,
    ctx?: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void },
  ): Promise<TrainResult>;
  /**
   * Trains until the training loss, averaged over the last 5 steps, is below targetLoss (then stops), or the
   * step budget ends. stepsToTarget is null when the target was not reached.
   */
  trainToTarget(
    model: Model,
    task: Task,
    config: Partial<TrainConfig>,
    options: { targetLoss: number; signal?: AbortSignal; onProgress?: (p: TrainProgress) => void },
  ): Promise<TargetResult>;
  /**
   * Independent trainings to a target, each on a fresh model built from its job. In the page they share out
   * over the reader's cores (one worker each); in Node they run one after another. Results come in job order
   * and are the same numbers either way (each job is seeded; same backend).
   */
  /** Progress reports carry `fraction`, the share of all the jobs done, whichever runner runs them. */
  trainManyToTarget(
    jobs: TargetJob[],
    options?: { signal?: AbortSignal; onProgress?: (p: BatchProgress) => void },
  ): Promise<TargetResult[]>;
  /** Lets the event loop run (so a Cancel can arrive between two pieces of synchronous work), then throws if aborted. */
  checkpoint(signal?: AbortSignal): Promise<void>;
  /** Teacher-forced and free-running accuracy per answer position on held-out data; optional lesion. */
  evaluate(model: Model, task: Task, options?: EvalOptions): EvalResult;
  /** ‖∂loss/∂θ‖ per decoder block ('dec.0'…), and per sublayer of both stacks ('enc.0.self', 'dec.0.cross', …), on one batch at the current weights. */
  gradientNorms(
    model: Model,
    task: Task,
    options: { seed: number; batchSize?: number },
  ): { blocks: string[]; norms: number[]; bySublayer: Record<string, number> };
  /**
   * ‖∂loss/∂x_l‖ of the stream entering the stack (index 0) and after each block (index l), on one batch at the
   * current weights: the gradient that reaches each block from above (Frobenius norm over the batch's tokens).
   */
  streamGradients(model: Model, task: Task, options: { seed: number; batchSize?: number }): { points: string[]; norms: number[] };
  /** Stream norm, relative residual per block and ‖F(x)‖/‖x‖ per sublayer, on one batch (forward only). */
  probe(model: Model, task: Task, options: { seed: number; batchSize?: number; lesion?: string[] }): ProbeResult;
  /** Teacher-forced accuracy over the answer tokens on held-out data, or on the given sequences (`batch`); optional lesion. */
  accuracy(model: Model, task: Task, options?: { seed?: number; batchSize?: number; lesion?: string[]; batch?: RawBatch }): number;
  /**
   * Greedy generation accuracy on the answer: every answer input starts unknown (the separator stands in)
   * and is filled left to right with the model's own previous output, so even a model without a causal
   * mask cannot read a true future token. Mean over answer tokens, held-out data.
   */
  generate(model: Model, task: Task, options?: { seed?: number; batchSize?: number }): number;
  /** Mean cross-entropy at every position of the sequence (question and answer), on held-out data. */
  lossByPosition(model: Model, task: Task, options?: { seed?: number; batchSize?: number }): number[];
  /** batchSize sequences (question and answer token ids) drawn from `seed`: plain data a core may edit. */
  batch(task: Task, options: { seed: number; batchSize: number }): RawBatch;
  /** Logits [sequence][position][token id] of the given sequences run together as one batch (teacher-forced). */
  logits(model: Model, task: Task, batch: RawBatch): number[][][];
  /**
   * Mean cross-entropy over the answer tokens of the given sequences run together as one batch (teacher-forced);
   * running: BatchNorm uses the model's running statistics (lab.estimateRunningStats) instead of the batch's.
   */
  loss(model: Model, task: Task, batch: RawBatch, options?: { running?: boolean }): number;
  /** BatchNorm's running statistics at the current weights: each norm's batch statistics averaged over `batches` batches. */
  estimateRunningStats(model: Model, task: Task, options: { seed: number; batches: number; batchSize: number }): void;
  /**
   * Median ms of one norm, forward and backward, at a model's activation shape (batchSize · T rows, d columns):
   * LayerNorm on its fused kernel, LayerNorm in plain tf ops, RMSNorm in plain tf ops. Wall-clock: never compared.
   */
  timeNorms(model: Model, task: Task, options?: { batchSize?: number }): NormTiming;
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
  /**
   * Attention weights of every attention sublayer ('enc.0.self', 'dec.0.self', 'dec.0.cross', …) on one batch,
   * averaged over its heads and examples: [query][key] (for the cross-attention: target position × source position).
   */
  attentionMaps(model: Model, task: Task, options: { seed: number; batchSize?: number }): Record<string, number[][]>;
}

/** runJobs: how trainManyToTarget runs its jobs (the page passes a pool of workers); one after another by default. */
export async function createLab(
  options: { backend?: BackendName; wasmPath?: BackendOptions['wasmPath']; runJobs?: JobRunner } = {},
): Promise<LabFacade> {
  const backend = await initBackend({ prefer: options.backend ?? 'wasm', wasmPath: options.wasmPath });
  return {
    backend,
    task: (id) => makeTask(id),
    trainingSet: (task, { size, seed }) => trainingSet(task, size, seed),
    model: (task, { block, ...opts }) => createModel({ ...taskModelFields(task), ...opts }, { block }),
    train: (model, task, config, ctx = {}) => train(model, task, config, ctx),
    evaluate: (model, task, opts) => evaluate(model, task, opts),
    trainToTarget,
    trainManyToTarget: (jobs, { signal, onProgress } = {}) =>
      (options.runJobs ?? runSequentially)(jobs, { signal, onProgress: onProgress && withBatchFraction(jobs.length, onProgress) }),
    async checkpoint(signal) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
    },
    gradientNorms(model, task, { seed, batchSize = 32 }) {
      const { byLayer, bySublayer } = gradientNorms(model, task, { seed, batchSize });
      const blocks = decoderBlocks(model);
      return { blocks, norms: blocks.map((b) => byLayer[b] ?? 0), bySublayer };
    },

    streamGradients(model, task, { seed, batchSize = 32 }) {
      const { points, norms } = streamGradients(model, task, { seed, batchSize });
      return { points, norms };
    },

    probe(model, task, { seed, batchSize = 32, lesion }) {
      const stats = forwardStats(model, task, { seed, batchSize, lesion });
      const row = (name: string) => stats.layers.find((l) => l.name === name)!;
      const points = ['dec.input', ...decoderBlocks(model)];
      return {
        blocks: decoderBlocks(model),
        streamNorm: points.map((p) => row(p).norm),
        relResidual: points.map((p) => row(p).relResidual),
        branchRatio: stats.branchRatio,
        inputCoefficient: points.map((p) => row(p).inputCoefficient),
        inputCosine: points.map((p) => row(p).inputCosine),
        meanShare: stats.meanShare,
      };
    },
    accuracy: (model, task, opts) => answerAccuracy(model, task, opts),
    generate: (model, task, opts) => generationAccuracy(model, task, opts),
    lossByPosition: (model, task, opts) => lossByPosition(model, task, opts),
    batch: (task, opts) => sampleBatch(task, opts),
    logits: (model, task, batch) => batchLogits(model, task, batch),
    loss: (model, task, batch, opts) => batchLoss(model, task, batch, opts),
    estimateRunningStats: (model, task, opts) => estimateRunningStats(model, task, opts),
    timeNorms: (model, task, { batchSize = 32 } = {}) =>
      timeNorms({ rows: batchSize * taskLengths(task, model.config.arch).T, d: model.config.dModel }),
    countParams: (model) => paramCounts(model).total,
    opsPerStep: (model, task) => opsPerStep(model, task),
    timeStep: (model, task, config = {}) => timeStep(model, task, config),
    attentionGradients: (model, task, { seed, batchSize = 32 }) => attentionGradients(model, task, { seed, batchSize }),
    attentionWeights: (model) => attentionWeights(model),
    attentionMaps: (model, task, { seed, batchSize = 32 }) => attentionMaps(model, task, { seed, batchSize }),
  };
}
