// SGD with momentum, Adam without bias correction, and residual dropout: what each changes in the first steps.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel, type Model } from '~/lab/model';
import { reverseTask, taskModelFields } from '~/lab/tasks';
import { train } from '~/lab/train';
import type { TrainConfig } from '~/lab/config';

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

const task = reverseTask(8, 4);
const small = () => createModel({ ...taskModelFields(task), dModel: 16, nHeads: 2, nLayers: 2, seed: 3 });
const weights = (m: Model) => [...m.params.values()].map((v) => Float32Array.from(v.dataSync()));

/** Train a fresh model for `steps` and return its weights before and after, and the run. */
async function step(cfg: Partial<TrainConfig>, steps = 1) {
  const m = small();
  const before = weights(m);
  const run = await train(m, task, { steps, batchSize: 4, ...cfg });
  const after = weights(m);
  m.dispose();
  return { before, after, run };
}
const deltas = (a: Float32Array[], b: Float32Array[]) => a.flatMap((x, i) => [...x].map((v, j) => b[i]![j]! - v));

test('SGD: the first step moves the weights by lr times the gradient (its global norm is the reported one)', async () => {
  const lr = 0.05;
  const { before, after, run } = await step({ optimizer: 'sgd', lr, momentum: 0.9 });
  const moved = Math.hypot(...deltas(before, after));
  expect(moved / lr).toBeCloseTo(run.history.gradNorm[0]!, 2);
});

test('SGD with momentum lowers the loss of the reverse task, and leaks no tensor', async () => {
  const base = tf.memory().numTensors;
  const { run } = await step({ optimizer: 'sgd', lr: 0.1, batchSize: 16 }, 60);
  expect(run.status).toBe('done');
  expect(run.history.loss.at(-1)!).toBeLessThan(run.history.loss[0]!);
  expect(tf.memory().numTensors).toBe(base);
});

test("Adam's first step is ±lr per weight with bias correction, and (1 − β1)/√(1 − β2) of it without", async () => {
  const lr = 1e-3;
  const largest = async (biasCorrection: boolean) => {
    const { before, after } = await step({ lr, biasCorrection, beta1: 0.9, beta2: 0.98 });
    return Math.max(...deltas(before, after).map(Math.abs));
  };
  expect((await largest(true)) / lr).toBeCloseTo(1, 3);
  expect((await largest(false)) / lr).toBeCloseTo(0.1 / Math.sqrt(0.02), 3);
});

test('dropout: rate 0 is the default; a rate changes training, reproducibly per seed, and leaks no tensor', async () => {
  const base = tf.memory().numTensors;
  const none = await step({}, 3);
  const zero = await step({ dropout: 0 }, 3);
  const a = await step({ dropout: 0.3, seed: 5 }, 3);
  const b = await step({ dropout: 0.3, seed: 5 }, 3);
  expect(zero.after).toEqual(none.after);
  expect(a.after).toEqual(b.after);
  expect(a.run.history.loss[0]).not.toBe(none.run.history.loss[0]);
  expect(tf.memory().numTensors).toBe(base);
});

test('dropout on the stream drops the carried input too: a different run from dropout on the branch, same seed', async () => {
  const branch = await step({ dropout: 0.3, seed: 5 }, 2);
  const stream = await step({ dropout: 0.3, dropoutOn: 'stream', seed: 5 }, 2);
  expect(stream.after).not.toEqual(branch.after);
});

test('Adam-2k (vOnlySteps): v is estimated on its own batches before the first update; the weights and the updating steps’ batches are unchanged by it', async () => {
  const lr = 1e-3;
  const base = tf.memory().numTensors;
  const still = await step({ vOnlySteps: 5 }, 0);
  expect(still.after).toEqual(still.before);
  const plain = await step({ lr, beta1: 0.9, beta2: 0.98 });
  const twoK = await step({ lr, beta1: 0.9, beta2: 0.98, vOnlySteps: 20 });
  // Same weights and same first batch: the loss of the first updating step is the same.
  expect(twoK.run.history.loss[0]).toBe(plain.run.history.loss[0]);
  // Plain Adam's first step moves every weight with a gradient by ±lr; after the v-only phase it does not.
  const atLr = (d: number[]) => d.filter((x) => Math.abs(Math.abs(x) / lr - 1) < 1e-3).length / d.filter((x) => x !== 0).length;
  expect(atLr(deltas(plain.before, plain.after))).toBeGreaterThan(0.99);
  expect(atLr(deltas(twoK.before, twoK.after))).toBeLessThan(0.1);
  // SGD ignores it.
  const sgd = await step({ optimizer: 'sgd', lr: 0.05 });
  const sgdV = await step({ optimizer: 'sgd', lr: 0.05, vOnlySteps: 3 });
  expect(sgdV.after).toEqual(sgd.after);
  expect(tf.memory().numTensors).toBe(base);
});
