// A model's outputs on sequences the caller gives as plain data (question and answer token ids), run together
// as one batch: what a core needs to compare one sequence's outputs across batches (E13: BatchNorm makes a
// token's output depend on the rest of the batch).
import * as tf from '@tensorflow/tfjs-core';
import { forward, maskedCrossEntropy, type Model } from './model';
import type { BatchStats } from './norms';
import { encodeBatch, type RawBatch, type Task } from './tasks';
import { makeRng } from './rng';

/** batchSize sequences of the task drawn from `seed` (their own stream: not the training data of that seed). */
export function sampleBatch(task: Task, { seed, batchSize }: { seed: number; batchSize: number }): RawBatch {
  return task.sample(makeRng(seed).fork('sample'), batchSize);
}

function checked(task: Task, batch: RawBatch): RawBatch {
  if (!batch.src.length || batch.src.length !== batch.tgt.length)
    throw new Error(`a batch needs as many questions as answers, at least one; got ${batch.src.length} and ${batch.tgt.length}`);
  return batch;
}

/** Logits [sequence][position][token id] of the given sequences run as one batch, teacher-forced. */
export function batchLogits(model: Model, task: Task, batch: RawBatch): number[][][] {
  const e = encodeBatch(task, model.config, checked(task, batch));
  return tf.tidy(() =>
    tf.reshape(forward(model, { B: e.B, T: e.T, S: e.S, decIn: e.decIn, encIn: e.encIn }), [e.B, e.T, -1]).arraySync(),
  ) as number[][][];
}

/**
 * Mean cross-entropy over the answer tokens of the given sequences run as one batch, teacher-forced. running: BatchNorm
 * normalizes with the model's running statistics (estimateRunningStats) instead of the batch's.
 */
export function batchLoss(model: Model, task: Task, batch: RawBatch, { running = false }: { running?: boolean } = {}): number {
  const e = encodeBatch(task, model.config, checked(task, batch));
  if (running && !model.batchStats) throw new Error('no running statistics: call estimateRunningStats first');
  const batchStats = running ? { use: model.batchStats! } : undefined;
  return tf.tidy(
    () =>
      maskedCrossEntropy(
        forward(model, { B: e.B, T: e.T, S: e.S, decIn: e.decIn, encIn: e.encIn }, { batchStats }),
        e.target,
        e.mask,
      ).dataSync()[0]!,
  );
}

/**
 * BatchNorm's running statistics, estimated at the current weights: each norm's batch mean and variance averaged over
 * `batches` batches of batchSize sequences drawn from `seed`, kept on the model (model.batchStats). A running average
 * kept during training would mix in earlier weights; this is its estimate at the end of training.
 */
export function estimateRunningStats(
  model: Model,
  task: Task,
  { seed, batches, batchSize }: { seed: number; batches: number; batchSize: number },
): void {
  const record = new Map<string, BatchStats[]>();
  const rng = makeRng(seed).fork('running-stats');
  for (let i = 0; i < batches; i++) {
    const e = encodeBatch(task, model.config, task.sample(rng, batchSize));
    tf.tidy(() => {
      forward(model, { B: e.B, T: e.T, S: e.S, decIn: e.decIn, encIn: e.encIn }, { batchStats: { record } });
    });
  }
  for (const s of model.batchStats?.values() ?? []) tf.dispose([s.mean, s.variance]);
  model.batchStats = new Map(
    [...record].map(([site, list]) => {
      const avg = tf.tidy(() => ({
        mean: tf.keep(tf.mean(tf.stack(list.map((s) => s.mean)), 0)),
        variance: tf.keep(tf.mean(tf.stack(list.map((s) => s.variance)), 0)),
      }));
      tf.dispose(list.flatMap((s) => [s.mean, s.variance]));
      return [site, avg];
    }),
  );
}
