// A model's outputs on sequences the caller gives as plain data (question and answer token ids), run together
// as one batch: what a core needs to compare one sequence's outputs across batches (E13: BatchNorm makes a
// token's output depend on the rest of the batch).
import * as tf from '@tensorflow/tfjs-core';
import { forward, maskedCrossEntropy, type Model } from './model';
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

/** Mean cross-entropy over the answer tokens of the given sequences run as one batch, teacher-forced. */
export function batchLoss(model: Model, task: Task, batch: RawBatch): number {
  const e = encodeBatch(task, model.config, checked(task, batch));
  return tf.tidy(
    () => maskedCrossEntropy(forward(model, { B: e.B, T: e.T, S: e.S, decIn: e.decIn, encIn: e.encIn }), e.target, e.mask).dataSync()[0]!,
  );
}
