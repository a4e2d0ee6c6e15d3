// The `lab` object every experiment core receives: a small facade over the lab's public API (model,
// tasks, train, evaluate, instruments). Cores use nothing else, so the page can show a core as a snippet
// and the in-page editor can run an edited copy in a Worker against this same object.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendInfo } from '../backend';
import type { ModelConfig, TrainConfig } from '../config';
import { countParams, createModel, forward, maskedCrossEntropy, Probe, type Model } from '../model';
import { layerOf } from '../params';
import { makeRng } from '../rng';
import { encodeBatch, makeTask, taskModelFields, type Task, type TaskId } from '../tasks';
import { train, type TrainResult, type Progress as TrainProgress } from '../train';
import { evaluate, type EvalOptions, type EvalResult } from '../evaluate';
import type { BackendName } from './types';

export type { Model, Task, TrainResult, EvalResult };

/** Model settings a core may choose; the task fixes vocabulary and length. */
export type ModelOptions = Partial<Omit<ModelConfig, 'vocabSize' | 'maxLen'>>;

export interface ProbeResult {
  /** Decoder blocks in order: 'dec.0', 'dec.1', … */
  blocks: string[];
  /** Mean token norm ‖x‖ of the stream after the embedding (index 0) and after each block. */
  streamNorm: number[];
  /** Relative residual ‖X − 1·meanᵀ‖/‖X‖ after the embedding and after each block (Don21). */
  relResidual: number[];
  /** ‖F(x)‖/‖x‖ per sublayer ('dec.0.self', 'dec.0.ffn', …): the update against the stream it is added to. */
  branchRatio: Record<string, number>;
}

export interface LabFacade {
  backend: BackendInfo;
  /** A toy task: 'reverse', 'copy', 'running-sum' (mod 5) or 'translation'. */
  task(id: TaskId): Task;
  /** A decoder-only model for the task, initialized from `seed` (Glorot). Call dispose() when done. */
  model(task: Task, options: ModelOptions & { seed: number }): Model;
  /** Trains in place with Adam; stops early on abort or divergence (see result.status). */
  train(model: Model, task: Task, config: Partial<TrainConfig>, ctx?: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void }): Promise<TrainResult>;
  /** Teacher-forced and free-running accuracy per answer position on held-out data; optional lesion. */
  evaluate(model: Model, task: Task, options?: EvalOptions): EvalResult;
  /** ‖∂loss/∂θ‖ per decoder block ('dec.0'…), on one batch at the current weights (one backward pass). */
  gradientNorms(model: Model, task: Task, options: { seed: number; batchSize?: number }): { blocks: string[]; norms: number[] };
  /** Stream norm, relative residual per block and ‖F(x)‖/‖x‖ per sublayer, on one batch (forward only). */
  probe(model: Model, task: Task, options: { seed: number; batchSize?: number; lesion?: string[] }): ProbeResult;
  /** Mean cross-entropy at every position of the sequence (question and answer), on held-out data. */
  lossByPosition(model: Model, task: Task, options?: { seed?: number; batchSize?: number }): number[];
  /** Number of weights of a model. */
  countParams(model: Model): number;
  /** Number of TF.js kernels (operations) one training step (forward + backward) executes. */
  opsPerStep(model: Model, task: Task): Promise<number>;
}

function decoderBlocks(model: Model): string[] {
  return Array.from({ length: model.config.nLayers }, (_, l) => `dec.${l}`);
}

export async function createLab(options: { backend?: BackendName; wasmPath?: string } = {}): Promise<LabFacade> {
  const backend = await initBackend({ prefer: options.backend ?? 'wasm', wasmPath: options.wasmPath });
  const sampleBatch = (model: Model, task: Task, seed: number, batchSize: number, lossOn: 'answer' | 'all' = 'answer') =>
    encodeBatch(task, model.config, task.sample(makeRng(seed).fork('instrument'), batchSize), lossOn);

  return {
    backend,
    task: (id) => makeTask(id),
    model: (task, opts) => createModel({ ...taskModelFields(task), ...opts }),
    train: (model, task, config, ctx = {}) => train(model, task, config, ctx),
    evaluate: (model, task, opts) => evaluate(model, task, opts),

    gradientNorms(model, task, { seed, batchSize = 32 }) {
      const batch = sampleBatch(model, task, seed, batchSize);
      const names = [...model.params.keys()];
      const vars = names.map((n) => model.params.get(n)!);
      const blocks = decoderBlocks(model);
      const packed = tf.tidy(() => {
        const { grads } = tf.variableGrads(() => {
          return maskedCrossEntropy(forward(model, { B: batch.B, T: batch.T, decIn: batch.decIn }), batch.target, batch.mask);
        }, vars);
        return tf.stack(vars.map((v) => tf.sum(tf.square(grads[v.name]!))));
      });
      const sq = packed.dataSync();
      packed.dispose();
      const perBlock = new Map(blocks.map((b) => [b, 0]));
      names.forEach((n, i) => {
        const layer = layerOf(n);
        if (perBlock.has(layer)) perBlock.set(layer, perBlock.get(layer)! + sq[i]!);
      });
      return { blocks, norms: blocks.map((b) => Math.sqrt(perBlock.get(b)!)) };
    },

    probe(model, task, { seed, batchSize = 32, lesion }) {
      const batch = sampleBatch(model, task, seed, batchSize);
      const probe = new Probe(false);
      tf.tidy(() => {
        forward(model, { B: batch.B, T: batch.T, decIn: batch.decIn }, { probe, lesion: lesion ? new Set(lesion) : undefined });
      });
      const { scalars } = probe.read();
      const points = ['dec.input', ...decoderBlocks(model)];
      const branchRatio: Record<string, number> = {};
      for (const [k, v] of Object.entries(scalars)) if (k.endsWith(':branchRatio')) branchRatio[k.slice(0, -':branchRatio'.length)] = v;
      return {
        blocks: decoderBlocks(model),
        streamNorm: points.map((p) => scalars[`${p}:norm`]!),
        relResidual: points.map((p) => scalars[`${p}:relResidual`]!),
        branchRatio,
      };
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

    countParams: (model) => countParams(model),

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
  };
}
