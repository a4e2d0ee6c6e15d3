// Warmup, clipping, scheduled sampling and the step-time instrument's bookkeeping (no wall-clock asserts).
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel } from '~/lab/model';
import { reverseTask, encodeBatch, taskModelFields } from '~/lab/tasks';
import { train, teacherForcingAt } from '~/lab/train';
import { mixedDecoderInputs, predict } from '~/lab/evaluate';
import { timeStep } from '~/lab/instruments';
import { makeRng } from '~/lab/rng';

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

const task = reverseTask(8, 4);
const small = (extra = {}) => createModel({ ...taskModelFields(task), dModel: 16, nHeads: 2, nLayers: 2, seed: 3, ...extra });

test('linear warmup: lr rises to its value over warmupSteps, then stays', async () => {
  const m = small();
  const r = await train(m, task, { steps: 6, batchSize: 4, lr: 0.004, warmupSteps: 4 });
  m.dispose();
  r.history.lr.forEach((lr, i) => expect(lr).toBeCloseTo([0.001, 0.002, 0.003, 0.004, 0.004, 0.004][i]!, 12));
});

test('clipping changes the update but the reported gradient norm is the unclipped one', async () => {
  const run = async (clipNorm: number) => {
    const m = small();
    const r = await train(m, task, { steps: 2, batchSize: 4, clipNorm, epsilon: 1 }); // large ε: Adam not scale-free
    const w = m.params.get('dec.0.ffn.w1')!.dataSync().slice();
    m.dispose();
    return { g: r.history.gradNorm[0]!, w };
  };
  const free = await run(0),
    clipped = await run(1e-3);
  expect(clipped.g).toBe(free.g);
  expect(clipped.w).not.toEqual(free.w);
});

test('scheduled sampling: ratio 1 keeps the ground truth; ratio 0 keeps the prompt and feeds back greedy outputs', () => {
  const m = small();
  const b = encodeBatch(task, m.config, task.sample(makeRng(1), 16));
  expect([...mixedDecoderInputs(m, b, 1, makeRng(2))]).toEqual([...b.decIn]);
  const free = mixedDecoderInputs(m, b, 0, null);
  for (let i = 0; i < b.B; i++) for (let t = 0; t < b.freeFrom; t++) expect(free[i * b.T + t]).toBe(b.decIn[i * b.T + t]);
  // Causal mask: the prediction at t − 1 from the final inputs is the one generation fed to t.
  const pred = predict(m, b, free);
  for (let i = 0; i < b.B; i++) for (let t = b.freeFrom; t < b.T; t++) expect(free[i * b.T + t]).toBe(pred[i * b.T + t - 1]);
  m.dispose();
});

test('free running in an encoder–decoder: the encoder runs once, and the inputs are those of decoding with it recomputed at every position', () => {
  const m = small({ arch: 'encdec', nEncLayers: 2 });
  const b = encodeBatch(task, m.config, task.sample(makeRng(4), 16));
  const before = tf.memory().numTensors;
  const free = mixedDecoderInputs(m, b, 0, null);
  expect(tf.memory().numTensors, 'the kept encoder output is disposed').toBe(before);
  // The reference: the encoder recomputed by every forward (predict without a memory).
  const ref = Int32Array.from(b.decIn);
  for (let t = b.freeFrom; t < b.T; t++) {
    const pred = predict(m, b, ref);
    for (let i = 0; i < b.B; i++) ref[i * b.T + t] = pred[i * b.T + t - 1]!;
  }
  expect([...free]).toEqual([...ref]);
  m.dispose();
});

test("scheduled sampling's inverse-sigmoid decay (Ben15): k/(k + exp(i/k)) of teacherForcing, falling over training; 0 keeps it constant", async () => {
  const k = 40;
  expect(teacherForcingAt({ teacherForcing: 1, teacherForcingDecay: k }, 0)).toBeCloseTo(k / (k + 1), 12);
  expect(teacherForcingAt({ teacherForcing: 1, teacherForcingDecay: k }, k * Math.log(k))).toBeCloseTo(0.5, 12);
  expect(teacherForcingAt({ teacherForcing: 0.8, teacherForcingDecay: k }, 100)).toBeCloseTo((0.8 * k) / (k + Math.exp(100 / k)), 12);
  const shares = [0, 50, 100, 200, 400].map((i) => teacherForcingAt({ teacherForcing: 1, teacherForcingDecay: k }, i));
  shares.slice(1).forEach((s, i) => expect(s).toBeLessThan(shares[i]!));
  expect(shares.at(-1)!).toBeLessThan(0.01);
  expect(teacherForcingAt({ teacherForcing: 0.5, teacherForcingDecay: 0 }, 1000)).toBe(0.5);
  // Training with the decay differs from constant teacher forcing (true inputs are replaced), and repeats itself.
  const run = async (teacherForcingDecay: number) => {
    const m = small();
    const r = await train(m, task, { steps: 4, batchSize: 8, teacherForcingDecay });
    m.dispose();
    return r.history.loss;
  };
  const decayed = await run(1);
  expect(decayed).not.toEqual(await run(0));
  expect(await run(1)).toEqual(decayed);
});

test('timeStep counts one add per residual sublayer and one LayerNorm per sublayer plus the final one', async () => {
  const base = tf.memory().numTensors;
  const m = small({ norm: 'pre' });
  const t = await timeStep(m, task, { batchSize: 4 }, 2);
  m.dispose();
  expect(t.adds).toBe(4);
  expect(t.norms).toBe(5);
  expect(t.msPerStep).toBeGreaterThan(0);
  expect(t.shareAdd).toBeGreaterThanOrEqual(0);
  expect(tf.memory().numTensors).toBe(base);
});
