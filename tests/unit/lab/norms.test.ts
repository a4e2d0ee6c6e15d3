// The norm kinds and branch scales of the sublayer wrapper, against float64 loops written out here: RMSNorm
// divides each token by its root mean square (no centring, no bias); BatchNorm normalizes each feature over
// every token of the batch; x ⊕ s·α·F. And what holds by construction: with LayerNorm or RMSNorm under the
// causal mask, a token's output does not depend on the other sequences of the batch, on the batch size, or on
// later tokens of its own sequence (the BatchNorm side, which does depend on them, is measured by E13's claims).
import { beforeAll, describe, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { wrapSublayer } from '~/lab/connection';
import { batchNorm, rmsNorm, normalize } from '~/lab/norms';
import { layerNorm, LN_EPSILON } from '~/lab/layers';
import { createModel, forward, countParams } from '~/lab/model';
import { paramCountFormula } from '~/lab/params';
import { encodeBatch, reverseTask, taskModelFields } from '~/lab/tasks';
import { makeRng } from '~/lab/rng';
import type { ModelConfig } from '~/lab/config';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

const rng = makeRng(3);
const X = Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => 2 * rng.normal() + 0.7));
const G = [1, 0.5, 2, -1, 1.5];
const Bv = [0, 0.1, -0.2, 0.3, 1];
const run = (fn: () => tf.Tensor) => tf.tidy(() => fn().arraySync()) as number[][];
const close = (got: number[][], want: number[][], digits = 5) =>
  got.flat().forEach((v, i) => expect(v, `entry ${i}`).toBeCloseTo(want.flat()[i]!, digits));

/** RMSNorm by hand (float64): x / √(mean(x²) + ε) · g. */
const rmsRow = (r: number[], g = G) => {
  const ms = r.reduce((a, e) => a + e * e, 0) / r.length;
  return r.map((e, i) => (e / Math.sqrt(ms + LN_EPSILON)) * g[i]!);
};
/** BatchNorm by hand (float64): each column over all rows, biased variance. */
const batchByHand = (x: number[][], g = G, b = Bv) => {
  const n = x.length;
  const mean = x[0]!.map((_, j) => x.reduce((a, r) => a + r[j]!, 0) / n);
  const vari = x[0]!.map((_, j) => x.reduce((a, r) => a + (r[j]! - mean[j]!) ** 2, 0) / n);
  return x.map((r) => r.map((e, j) => ((e - mean[j]!) / Math.sqrt(vari[j]! + LN_EPSILON)) * g[j]! + b[j]!));
};

describe('the norms against loops written out', () => {
  test('RMSNorm: each token divided by its root mean square, times the gain; no bias', () => {
    close(
      run(() => rmsNorm(tf.tensor2d(X), tf.tensor1d(G))),
      X.map((r) => rmsRow(r)),
    );
    // normalize('rms') ignores a bias if one is passed
    close(
      run(() => normalize('rms', tf.tensor2d(X), tf.tensor1d(G), tf.tensor1d(Bv))),
      X.map((r) => rmsRow(r)),
    );
  });
  test('BatchNorm: each feature over every row of the batch, then gain and bias', () => {
    close(
      run(() => batchNorm(tf.tensor2d(X), tf.tensor1d(G), tf.tensor1d(Bv))),
      batchByHand(X),
    );
  });
  test("normalize('layer') is the fused LayerNorm kernel", () => {
    const [g, b] = [tf.tensor1d(G), tf.tensor1d(Bv)];
    close(
      run(() => normalize('layer', tf.tensor2d(X), g, b)),
      run(() => layerNorm(tf.tensor2d(X), g, b)),
      6,
    );
  });
  test('RMSNorm equals LayerNorm (no bias) on tokens whose mean is zero, and differs where it is not', () => {
    const centred = X.map((r) => {
      const m = r.reduce((a, e) => a + e, 0) / r.length;
      return r.map((e) => e - m);
    });
    const zero = tf.zeros([5]);
    close(
      run(() => rmsNorm(tf.tensor2d(centred), tf.tensor1d(G))),
      run(() => layerNorm(tf.tensor2d(centred), tf.tensor1d(G), zero)),
      4,
    );
    const diff = run(() => tf.sub(rmsNorm(tf.tensor2d(X), tf.ones([5])), layerNorm(tf.tensor2d(X), tf.ones([5]), zero)));
    expect(Math.max(...diff.flat().map(Math.abs))).toBeGreaterThan(0.1);
  });
  test('LayerNorm is invariant to adding a constant to a token (re-centring), RMSNorm to rescaling it; RMSNorm is not shift-invariant', () => {
    const shifted = X.map((r) => r.map((e) => e + 3));
    const scaled = X.map((r) => r.map((e) => 4 * e));
    const [g, z] = [tf.ones([5]), tf.zeros([5])];
    close(
      run(() => layerNorm(tf.tensor2d(shifted), g, z)),
      run(() => layerNorm(tf.tensor2d(X), g, z)),
      4,
    );
    close(
      run(() => rmsNorm(tf.tensor2d(scaled), g)),
      run(() => rmsNorm(tf.tensor2d(X), g)),
      4,
    );
    const d = run(() => tf.sub(rmsNorm(tf.tensor2d(shifted), g), rmsNorm(tf.tensor2d(X), g)));
    expect(Math.max(...d.flat().map(Math.abs))).toBeGreaterThan(0.1);
  });
});

describe('the wrapper with a norm kind, a branch scale and ReZero', () => {
  const F = (h: tf.Tensor2D) => tf.add(tf.mul(h, 2), 1) as tf.Tensor2D;
  const Fjs = (r: number[]) => r.map((e) => 2 * e + 1);
  const ones = () => ({ ln_g: tf.tensor1d(G), ln_b: tf.tensor1d(Bv) });
  test('Pre-RMSNorm: x + F(RMSNorm(x))', () => {
    close(
      run(() => wrapSublayer(tf.tensor2d(X), F, 'residual', 'pre', { ln_g: tf.tensor1d(G) }, undefined, { normKind: 'rms' })),
      X.map((r) => r.map((e, i) => e + Fjs(rmsRow(r))[i]!)),
    );
  });
  test('Post-BatchNorm: BN(x + F(x)) over the rows', () => {
    close(
      run(() => wrapSublayer(tf.tensor2d(X), F, 'residual', 'post', ones(), undefined, { normKind: 'batch' })),
      batchByHand(X.map((r) => r.map((e, i) => e + Fjs(r)[i]!))),
      4,
    );
  });
  test('branch scale and ReZero: x + s·α·F(x); α = 0 gives exactly x; onBranch sees the scaled branch', () => {
    let seen = -1;
    const y = run(() =>
      wrapSublayer(
        tf.tensor2d(X),
        F,
        'residual',
        'none',
        { alpha: tf.tensor1d([0.4]) },
        (f, x) => (seen = tf.div(tf.norm(f), tf.norm(x)).dataSync()[0]!),
        { branchScale: 0.5 },
      ),
    );
    close(
      y,
      X.map((r) => r.map((e, i) => e + 0.2 * Fjs(r)[i]!)),
    );
    const fNorm = Math.hypot(...X.flat().map((e) => 0.2 * (2 * e + 1)));
    expect(seen).toBeCloseTo(fNorm / Math.hypot(...X.flat()), 5);
    expect(run(() => wrapSublayer(tf.tensor2d(X), F, 'residual', 'none', { alpha: tf.zeros([1]) }))).toEqual(run(() => tf.tensor2d(X)));
  });
  test('the defaults (LayerNorm, scale 1, no α) run the same ops: bit-identical output', () => {
    const a = run(() => wrapSublayer(tf.tensor2d(X), F, 'residual', 'pre', ones()));
    const b = run(() => wrapSublayer(tf.tensor2d(X), F, 'residual', 'pre', ones(), undefined, { normKind: 'layer', branchScale: 1 }));
    expect(a).toEqual(b);
  });
});

describe('parameters of the new options', () => {
  const base = { ...taskModelFields(reverseTask()), dModel: 16, nHeads: 4, nLayers: 3 };
  test.each([
    [{ normKind: 'rms', norm: 'pre' }],
    [{ normKind: 'rms', norm: 'post' }],
    [{ normKind: 'batch', norm: 'pre' }],
    [{ rezero: true, norm: 'none' }],
    [{ rezero: true, normKind: 'rms', norm: 'pre', arch: 'encdec' }],
  ] as Partial<ModelConfig>[][])('%j: created = formula', (cfg) => {
    const m = createModel({ ...base, ...cfg });
    expect(countParams(m)).toBe(paramCountFormula(m.config));
    m.dispose();
  });
  test('RMSNorm has a gain and no bias; ReZero adds one α per sublayer, starting at 0, named under its block', () => {
    const m = createModel({ ...base, normKind: 'rms', rezero: true });
    expect(m.params.has('dec.1.ffn.ln_g') && !m.params.has('dec.1.ffn.ln_b')).toBe(true);
    expect(m.params.has('dec.final_ln.g') && !m.params.has('dec.final_ln.b')).toBe(true);
    expect(m.params.get('dec.2.self.alpha')!.dataSync()).toEqual(new Float32Array([0]));
    m.dispose();
  });
  test('a fresh ReZero model without norms is the identity on the stream: its logits do not depend on depth', () => {
    const task = reverseTask();
    const batch = encodeBatch(task, { arch: 'decoder', shiftRight: true }, task.sample(makeRng(1), 4));
    const logits = (nLayers: number) => {
      const m = createModel({ ...base, nLayers, norm: 'none', rezero: true, seed: 2 });
      const out = tf.tidy(() => forward(m, { B: 4, T: batch.T, decIn: batch.decIn }).arraySync());
      m.dispose();
      return out;
    };
    expect(logits(1)).toEqual(logits(4));
  });
});

describe('by construction: with LayerNorm or RMSNorm a token sees only its own sequence up to itself', () => {
  const task = reverseTask();
  const raw = task.sample(makeRng(7), 8);
  const other = task.sample(makeRng(8), 8);
  const logitsOf = (normKind: 'layer' | 'rms' | 'batch', batch: typeof raw) => {
    const m = createModel({ ...taskModelFields(task), dModel: 16, nHeads: 4, nLayers: 2, normKind, seed: 4 });
    const e = encodeBatch(task, m.config, batch);
    const out = tf.tidy(() => tf.reshape(forward(m, { B: e.B, T: e.T, decIn: e.decIn }), [e.B, e.T, -1]).arraySync()) as number[][][];
    m.dispose();
    return out;
  };
  const maxDiff = (a: number[][], b: number[][]) => Math.max(...a.flat().map((v, i) => Math.abs(v - b.flat()[i]!)));
  test.each(['layer', 'rms'] as const)(
    '%s: other sequences, batch size and a later token leave a sequence’s earlier outputs unchanged',
    (kind) => {
      const full = logitsOf(kind, raw)[0]!;
      const withOthers = logitsOf(kind, { src: [raw.src[0]!, ...other.src.slice(1)], tgt: [raw.tgt[0]!, ...other.tgt.slice(1)] })[0]!;
      const alone = logitsOf(kind, { src: [raw.src[0]!], tgt: [raw.tgt[0]!] })[0]!;
      const lastChanged = raw.tgt[0]!.slice();
      lastChanged[lastChanged.length - 2] = (lastChanged.at(-2)! + 1) % 8; // the last decoder input (target shifted right)
      const future = logitsOf(kind, { src: [raw.src[0]!, ...raw.src.slice(1)], tgt: [lastChanged, ...raw.tgt.slice(1)] })[0]!;
      expect(maxDiff(withOthers, full)).toBeLessThan(1e-5);
      expect(maxDiff(alone, full)).toBeLessThan(1e-5);
      expect(maxDiff(future.slice(0, -1), full.slice(0, -1))).toBeLessThan(1e-5);
      expect(maxDiff(future.slice(-1), full.slice(-1))).toBeGreaterThan(1e-3); // the changed input does reach its own position
    },
  );
});

describe("BatchNorm's running statistics", () => {
  test('estimated statistics make a sequence independent of its batch, and are disposed with the model', async () => {
    const { estimateRunningStats, batchLoss, batchLogits } = await import('~/lab/outputs');
    const before = tf.memory().numTensors;
    const task = reverseTask();
    const m = createModel({ ...taskModelFields(task), dModel: 16, nHeads: 4, nLayers: 2, normKind: 'batch', seed: 3 });
    const raw = task.sample(makeRng(5), 4);
    const one = (i: number) => ({ src: [raw.src[i]!], tgt: [raw.tgt[i]!] });
    expect(() => batchLoss(m, task, raw, { running: true })).toThrow(/estimateRunningStats/);
    estimateRunningStats(m, task, { seed: 1, batches: 3, batchSize: 8 });
    expect([...m.batchStats!.keys()]).toEqual(['dec.0.self', 'dec.0.ffn', 'dec.1.self', 'dec.1.ffn', 'dec.final']);
    // With running statistics: the batch's loss is the mean of each sequence's loss alone (same number of answer tokens).
    const together = batchLoss(m, task, raw, { running: true });
    const alone = [0, 1, 2, 3].map((i) => batchLoss(m, task, one(i), { running: true }));
    expect(together).toBeCloseTo(alone.reduce((a, b) => a + b) / 4, 5);
    // With the batch's own statistics it is not (the measured side of this is E13's claims).
    const own = [0, 1, 2, 3].map((i) => batchLoss(m, task, one(i)));
    expect(Math.abs(batchLoss(m, task, raw) - own.reduce((a, b) => a + b) / 4)).toBeGreaterThan(1e-3);
    expect(batchLogits(m, task, raw).length).toBe(4);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
