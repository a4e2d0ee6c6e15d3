// Free-running decoding over a prefix: where each position's output depends only on the inputs up to it, decoding
// position t from the first t positions gives exactly the inputs that full-length forward passes give (the speed-up
// changes no number), and where it does not (no causal mask, batch statistics) the full length is still used.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel, type Model } from '~/lab/model';
import { mixedDecoderInputs, predict, evaluate } from '~/lab/evaluate';
import { encodeBatch, reverseTask, runningSumTask, taskModelFields, type EncodedBatch, type Task } from '~/lab/tasks';
import { makeRng } from '~/lab/rng';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

/** Greedy free running the slow way: a full-length forward pass for every position, or over the first t positions. */
function reference(model: Model, batch: EncodedBatch, prefix: boolean): Int32Array {
  const { B, T } = batch;
  const decIn = Int32Array.from(batch.decIn);
  for (let t = batch.freeFrom; t < T; t++) {
    const len = prefix ? t : T;
    const head = new Int32Array(B * len);
    for (let b = 0; b < B; b++) head.set(decIn.subarray(b * T, b * T + len), b * len);
    const pred = predict(model, { ...batch, T: len }, head);
    for (let b = 0; b < B; b++) decIn[b * T + t] = pred[b * len + t - 1]!;
  }
  return decIn;
}

const setups: [string, Task, Record<string, unknown>][] = [
  ['encoder–decoder', runningSumTask(), { arch: 'encdec', nEncLayers: 2 }],
  ['decoder-only', reverseTask(8, 4), {}],
  ['decoder-only without a causal mask', reverseTask(8, 4), { causal: false }],
  ['decoder-only with batch statistics', reverseTask(8, 4), { normKind: 'batch' }],
];

test.each(setups)('%s: free running decodes the same inputs as full-length forward passes, bit for bit', (_, task, extra) => {
  const model = createModel({
    ...taskModelFields(task, extra.arch as 'encdec' | undefined),
    dModel: 16,
    nHeads: 2,
    nLayers: 2,
    seed: 5,
    ...extra,
  });
  const batch = encodeBatch(task, model.config, task.sample(makeRng(9), 32));
  const before = tf.memory().numTensors;
  expect(Array.from(mixedDecoderInputs(model, batch, 0, null))).toEqual(Array.from(reference(model, batch, false)));
  expect(tf.memory().numTensors).toBe(before);
  model.dispose();
});

test('the prefix is not a shortcut everywhere: without a causal mask it decodes other inputs (so those models keep the full length)', () => {
  const task = reverseTask(8, 4);
  const model = createModel({ ...taskModelFields(task), dModel: 16, nHeads: 2, nLayers: 2, seed: 5, causal: false });
  const batch = encodeBatch(task, model.config, task.sample(makeRng(9), 32));
  expect(Array.from(reference(model, batch, true))).not.toEqual(Array.from(reference(model, batch, false)));
  model.dispose();
});

test('evaluate leaks nothing on an encoder–decoder (its encoder output is shared by every pass and disposed once)', () => {
  const task = runningSumTask();
  const model = createModel({
    ...taskModelFields(task, 'encdec'),
    arch: 'encdec',
    nEncLayers: 2,
    dModel: 16,
    nHeads: 2,
    nLayers: 2,
    seed: 5,
  });
  const before = tf.memory().numTensors;
  const r = evaluate(model, task, { batchSize: 16 });
  expect(r.freeRunning.perPosition).toHaveLength(task.tgtLen);
  expect(tf.memory().numTensors).toBe(before);
  model.dispose();
});
