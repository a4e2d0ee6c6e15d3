// Free-running decoding: where each position's output depends only on the inputs up to it, decoding one position at a
// time with each self-attention's keys and values kept gives exactly the logits of a pass over the whole prefix, and
// the inputs that full-length forward passes give (the speed-up changes no number); where it does not (no causal
// mask, batch statistics) the full length is still used.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel, encode, forward, type Model } from '~/lab/model';
import type { KeyValueCache } from '~/lab/layers';
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

const cached: [string, Task, Record<string, unknown>][] = [
  ['Pre-LN, d 32, 4 heads', reverseTask(8, 4), { dModel: 32, nHeads: 4, norm: 'pre' }],
  ['Post-LN, learned positions', reverseTask(8, 4), { dModel: 16, nHeads: 2, norm: 'post', positions: 'learned' }],
  [
    'concatenation + projection, RMSNorm, final norm',
    reverseTask(8, 4),
    { dModel: 16, nHeads: 2, connection: 'concat', normKind: 'rms', finalNorm: true },
  ],
  ['head size 6 (TF.js batched products)', reverseTask(8, 4), { dModel: 24, nHeads: 4 }],
  ['encoder–decoder', runningSumTask(), { arch: 'encdec', nEncLayers: 2, dModel: 16, nHeads: 2 }],
];

test.each(cached)(
  '%s: a position decoded with the cached keys and values has the logits of the whole prefix, bit for bit',
  (_, task, extra) => {
    const model = createModel({ ...taskModelFields(task, extra.arch as 'encdec' | undefined), nLayers: 2, seed: 3, ...extra });
    const batch = encodeBatch(task, model.config, task.sample(makeRng(4), 8));
    const { B, T, S, encIn, decIn } = batch;
    const memory = model.config.arch === 'encdec' ? tf.tidy(() => encode(model, batch)) : undefined;
    const keyValues = new Map<string, KeyValueCache>();
    const rows = (from: number, to: number) => {
      const ids = new Int32Array(B * (to - from));
      for (let b = 0; b < B; b++) ids.set(decIn.subarray(b * T + from, b * T + to), b * (to - from));
      return ids;
    };
    const lastRows = (logits: tf.Tensor2D, n: number) => {
      const all = logits.arraySync();
      return Array.from({ length: B }, (_, b) => all[b * n + n - 1]!);
    };
    const first = 3; // three positions in one causal pass, then one at a time
    for (let t = first; t <= T; t++) {
      const [from, n] = t === first ? [0, first] : [t - 1, 1];
      const step = tf.tidy(() =>
        lastRows(forward(model, { B, T: n, S, decIn: rows(from, t), encIn }, { memory, keyValues, position: from }), n),
      );
      const whole = tf.tidy(() => lastRows(forward(model, { B, T: t, S, decIn: rows(0, t), encIn }, { memory }), t));
      expect(step, `position ${t - 1}`).toEqual(whole);
    }
    for (const { k, v } of keyValues.values()) tf.dispose([k!, v!]);
    memory?.dispose();
    model.dispose();
  },
);

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
