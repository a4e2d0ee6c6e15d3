// Connection and norm modes on hand-checkable inputs: Post-LN = LN(x + F(x)), Pre-LN = x + F(LN(x)),
// concatenation shapes, highway gate, and the identity lesion.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { wrapSublayer, combine } from '~/lab/connection';
import { layerNorm, LN_EPSILON } from '~/lab/layers';
import { createModel, forward } from '~/lab/model';
import { encodeBatch, reverseTask, taskModelFields, translationTask, type Task } from '~/lab/tasks';
import { makeRng } from '~/lab/rng';

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

const x = [
  [1, 2, 3, 4],
  [0, 0, 2, -2],
];
/** LayerNorm by hand, unit gain and zero bias. */
const lnRow = (r: number[]) => {
  const m = r.reduce((a, b) => a + b, 0) / r.length;
  const v = r.reduce((a, b) => a + (b - m) ** 2, 0) / r.length;
  return r.map((e) => (e - m) / Math.sqrt(v + LN_EPSILON));
};
const F = (h: tf.Tensor2D) => tf.add(tf.mul(h, 2), 1) as tf.Tensor2D; // F(h) = 2h + 1
const Fjs = (r: number[]) => r.map((e) => 2 * e + 1);
const run = (fn: () => tf.Tensor) => tf.tidy(() => fn().arraySync()) as number[][];
const p = () => ({ ln_g: tf.ones([4]), ln_b: tf.zeros([4]) });

test('LayerNorm: mean 0, variance 1 per token, then gain and bias', () => {
  const y = run(() => layerNorm(tf.tensor2d(x), tf.tensor1d([1, 2, 1, 1]), tf.tensor1d([0, 0, 0, 5])));
  const want = x.map(lnRow).map((r) => [r[0]!, 2 * r[1]!, r[2]!, r[3]! + 5]);
  y.flat().forEach((v, i) => expect(v).toBeCloseTo(want.flat()[i]!, 5));
  expect(lnRow([1, 2, 3, 4])[0]).toBeCloseTo(-1.5 / Math.sqrt(1.25), 4); // the hand value
});

test('Post-LN: LN(x + F(x))', () => {
  const y = run(() => wrapSublayer(tf.tensor2d(x), F, 'residual', 'post', p()));
  const want = x.map((r) => lnRow(r.map((e, i) => e + Fjs(r)[i]!)));
  y.flat().forEach((v, i) => expect(v).toBeCloseTo(want.flat()[i]!, 5));
});

test('Pre-LN: x + F(LN(x))', () => {
  const y = run(() => wrapSublayer(tf.tensor2d(x), F, 'residual', 'pre', p()));
  const want = x.map((r) => r.map((e, i) => e + Fjs(lnRow(r))[i]!));
  y.flat().forEach((v, i) => expect(v).toBeCloseTo(want.flat()[i]!, 5));
});

test('no connection and no norm: F(x) alone', () => {
  const y = run(() => wrapSublayer(tf.tensor2d(x), F, 'none', 'none', {}));
  expect(y).toEqual(x.map(Fjs));
});

test('concatenation + projection: [x, F] (n × 2d) · W (2d × d) + b gives n × d', () => {
  // W = [I; I] makes the projection equal to x + F: a hand-checkable case.
  const y = tf.tidy(() => {
    const eye = tf.eye(4);
    const out = combine('concat', tf.tensor2d(x), F(tf.tensor2d(x)), { cat_w: tf.concat([eye, eye], 0), cat_b: tf.zeros([4]) });
    return [out.shape, out.arraySync()] as const;
  });
  expect(y[0]).toEqual([2, 4]);
  expect(y[1]).toEqual(x.map((r) => r.map((e, i) => e + Fjs(r)[i]!)));
});

test('highway: g·F + (1 − g)·x with g = σ(xW + b)', () => {
  // W = 0, b = 0 → g = 1/2 everywhere.
  const y = run(() => combine('highway', tf.tensor2d(x), F(tf.tensor2d(x)), { gate_w: tf.zeros([4, 4]), gate_b: tf.zeros([4]) }));
  y.flat().forEach((v, i) => expect(v).toBeCloseTo(0.5 * x.flat()[i]! + 0.5 * Fjs(x.flat())[i]!, 6));
});

test('average: (x + F(x))/2, and under Post-LN the same as the residual add up to ε (LayerNorm ignores the scale)', () => {
  const y = run(() => combine('average', tf.tensor2d(x), F(tf.tensor2d(x)), {}));
  y.flat().forEach((v, i) => expect(v).toBeCloseTo((x.flat()[i]! + Fjs(x.flat())[i]!) / 2, 6));
  const post = (c: 'average' | 'residual') => run(() => wrapSublayer(tf.tensor2d(x), F, c, 'post', p())).flat();
  const [avg, add] = [post('average'), post('residual')];
  avg.forEach((v, i) => expect(v).toBeCloseTo(add[i]!, 4));
  // Pre-LN keeps the average on the stream: half the input, half the branch.
  const pre = run(() => wrapSublayer(tf.tensor2d(x), F, 'average', 'pre', p()));
  const want = x.map((r) => r.map((e, i) => (e + Fjs(lnRow(r))[i]!) / 2));
  pre.flat().forEach((v, i) => expect(v).toBeCloseTo(want.flat()[i]!, 5));
});

test('withoutResidual removes the residual of the named decoder sublayers only, and is refused with another connection', () => {
  const run = (task: Task, arch: 'decoder' | 'encdec', extra: object) => {
    const m = createModel({ ...taskModelFields(task, arch), arch, dModel: 16, nHeads: 2, nLayers: 2, seed: 2, norm: 'post', ...extra });
    const b = encodeBatch(task, { arch, shiftRight: true }, task.sample(makeRng(1), 4));
    const out = tf.tidy(() => forward(m, { B: b.B, T: b.T, S: b.S, decIn: b.decIn, encIn: b.encIn }).dataSync().slice());
    m.dispose();
    return out;
  };
  // A decoder-only stack without the residual of both its sublayers is the stack without any residual.
  const rev = reverseTask(8, 4);
  expect(run(rev, 'decoder', { withoutResidual: ['self', 'ffn'] })).toEqual(run(rev, 'decoder', { connection: 'none' }));
  expect(run(rev, 'decoder', { withoutResidual: ['ffn'] })).not.toEqual(run(rev, 'decoder', { connection: 'none' }));
  // In an encoder–decoder the encoder keeps its residuals.
  const tr = translationTask();
  expect(run(tr, 'encdec', { withoutResidual: ['self', 'cross', 'ffn'] })).not.toEqual(run(tr, 'encdec', { connection: 'none' }));
  expect(() => createModel({ ...taskModelFields(rev), connection: 'concat', withoutResidual: ['ffn'] })).toThrow(
    /withoutResidual needs connection 'residual'/,
  );
});
