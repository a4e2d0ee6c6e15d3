// Training runs: no tensor leaks after a finished, a cancelled and a diverged run; same seed gives the
// same numbers; divergence names step, quantity and layer; freezing, scheduled sampling and lesions work.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel } from '~/lab/model';
import { reverseTask, runningSumTask, translationTask, taskModelFields } from '~/lab/tasks';
import { train } from '~/lab/train';
import { evaluate } from '~/lab/evaluate';
import { forwardStats, gradientNorms } from '~/lab/instruments';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

const task = reverseTask(8, 4);
const small = (extra = {}) => createModel({ ...taskModelFields(task), dModel: 16, nHeads: 2, nLayers: 2, seed: 3, ...extra });

test('no leaks after a finished run, its evaluation and its instruments', async () => {
  const base = tf.memory().numTensors;
  const m = small();
  const r = await train(m, task, { steps: 3, batchSize: 8, teacherForcing: 0.5 });
  expect(r.status).toBe('done');
  evaluate(m, task, { batchSize: 8, lesion: ['dec.1'] });
  forwardStats(m, task, { batchSize: 4, attention: true });
  gradientNorms(m, task, { batchSize: 4 });
  m.dispose();
  expect(tf.memory().numTensors).toBe(base);
});

test('a cancelled run stops at once, reports why, and leaks nothing', async () => {
  const base = tf.memory().numTensors;
  const m = small();
  const ac = new AbortController();
  const r = await train(
    m,
    task,
    { steps: 50, batchSize: 8, progressEvery: 1 },
    { signal: ac.signal, onProgress: (p) => p.step === 3 && ac.abort() },
  );
  expect(r.status).toBe('aborted');
  expect(r.stepsCompleted).toBe(3);
  expect(r.reason).toMatch(/aborted before step 4/);
  m.dispose();
  expect(tf.memory().numTensors).toBe(base);
});

test('a diverging run stops with the step, the quantity and the layer, and leaks nothing', async () => {
  const base = tf.memory().numTensors;
  const m = small({ norm: 'none' });
  const r = await train(m, task, { steps: 30, batchSize: 8, lr: 10, beta1: 0, beta2: 0 });
  expect(r.status).toBe('diverged');
  expect(r.reason).toMatch(
    /^(loss|gradient norm) (became (NaN|Inf)|exceeded \S+ \(\S+\)) at step \d+; gradient norm \S+ in layer (embed|dec\.\d|out)$/,
  );
  expect(r.stepsCompleted).toBeLessThan(30);
  m.dispose();
  expect(tf.memory().numTensors).toBe(base);
});

test('divergence thresholds are configurable: a tiny maxGradNorm stops at step 1', async () => {
  const m = small();
  const r = await train(m, task, { steps: 5, batchSize: 8, maxGradNorm: 1e-9 });
  m.dispose();
  expect(r.status).toBe('diverged');
  expect(r.reason).toMatch(/^gradient norm exceeded 1\.0e-9 \(\S+\) at step 1; gradient norm \S+ in layer \S+$/);
});

test('same seeds give identical numbers; another data seed gives others', async () => {
  const run = async (seed: number) => {
    const m = small();
    const r = await train(m, task, { steps: 4, batchSize: 8, seed, teacherForcing: 0.5 });
    const e = evaluate(m, task, { batchSize: 16 });
    m.dispose();
    return [...r.history.loss, ...r.history.gradNorm, e.loss, ...e.freeRunning.perPosition];
  };
  const a = await run(1);
  expect(await run(1)).toEqual(a);
  expect(await run(2)).not.toEqual(a);
});

test('freezing keeps chosen parameters fixed and trains the rest', async () => {
  const m = small();
  const before = (n: string) => m.params.get(n)!.dataSync().slice();
  const emb = before('embed'),
    w1 = before('dec.0.ffn.w1');
  await train(m, task, { steps: 2, batchSize: 8, freeze: ['embed'] });
  expect(m.params.get('embed')!.dataSync()).toEqual(emb);
  expect(m.params.get('dec.0.ffn.w1')!.dataSync()).not.toEqual(w1);
  m.dispose();
});

test('a lesioned block is the identity: its output stream equals its input stream', () => {
  const m = small();
  const s = forwardStats(m, task, { batchSize: 4, lesion: ['dec.0'] });
  const input = s.layers.find((l) => l.name === 'dec.input')!,
    out0 = s.layers.find((l) => l.name === 'dec.0')!;
  expect(out0.norm).toBe(input.norm);
  expect(out0.relResidual).toBe(input.relResidual);
  expect(s.branchRatio['dec.0.self']).toBeUndefined();
  m.dispose();
});

test('encoder–decoder and running-sum tasks train end to end and report per-position accuracy', async () => {
  for (const [t, arch] of [
    [translationTask(), 'encdec'],
    [runningSumTask(), 'decoder'],
  ] as const) {
    const m = createModel({ ...taskModelFields(t, arch), arch, dModel: 16, nHeads: 2, nLayers: 1, seed: 1 });
    const r = await train(m, t, { steps: 2, batchSize: 8 });
    const e = evaluate(m, t, { batchSize: 8 });
    expect(r.history.loss.every(Number.isFinite)).toBe(true);
    expect(e.teacherForced.perPosition).toHaveLength(t.tgtLen);
    expect(e.freeRunning.perPosition).toHaveLength(t.tgtLen);
    m.dispose();
  }
});
