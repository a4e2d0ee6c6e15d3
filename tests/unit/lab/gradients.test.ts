// Analytic gradients of a tiny model agree with central finite differences.
// Bound: |FD − g·u| ≤ 2e-2 · max(|g·u|, 1e-2) for a unit direction u over one parameter tensor.
// Why that bound: float32 loss has ~1e-7 relative rounding, so with step h the difference
// quotient carries ~5e-5 of noise (h = 2e-3, small so few ReLU pre-activations cross zero), and the O(h²)
// truncation is ~1e-5; 2e-2 leaves room for kinks while still failing on any wrong gradient (a wrong sign or a missing term is off by O(1)).
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel, forward, maskedCrossEntropy, type Model } from '~/lab/model';
import { copyTask, translationTask, encodeBatch, taskModelFields, type Task } from '~/lab/tasks';
import { makeRng } from '~/lab/rng';
import type { ModelConfig } from '~/lab/config';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

const H = 2e-3;
const REL = 2e-2;

function check(task: Task, cfg: Partial<ModelConfig>, names: string[], prepare?: (m: Model) => void) {
  const arch = cfg.arch ?? 'decoder';
  const model: Model = createModel({ ...taskModelFields(task, arch), dModel: 8, nHeads: 2, nLayers: 2, dFF: 16, ...cfg, seed: 5 });
  prepare?.(model);
  const batch = encodeBatch(task, model.config, task.sample(makeRng(9), 4), 'all');
  const loss = () =>
    maskedCrossEntropy(
      forward(model, { B: batch.B, T: batch.T, S: batch.S, decIn: batch.decIn, encIn: batch.encIn }),
      batch.target,
      batch.mask,
    );
  const lossValue = () => tf.tidy(() => loss().dataSync()[0]!);
  const rng = makeRng(11);
  for (const name of names) {
    const v = model.params.get(name)!;
    const u0 = Float32Array.from({ length: v.size }, () => rng.normal());
    const norm = Math.hypot(...u0);
    const u = tf.tensor(
      u0.map((e) => e / norm),
      v.shape,
    );
    const analytic = tf.tidy(() => tf.sum(tf.mul(tf.variableGrads(loss, [v]).grads[v.name]!, u)).dataSync()[0]!);
    const orig = v.clone();
    tf.tidy(() => v.assign(tf.add(orig, tf.mul(u, H))));
    const plus = lossValue();
    tf.tidy(() => v.assign(tf.sub(orig, tf.mul(u, H))));
    const minus = lossValue();
    v.assign(orig);
    orig.dispose();
    u.dispose();
    const fd = (plus - minus) / (2 * H);
    expect(Math.abs(fd - analytic), `${name}: FD ${fd} vs analytic ${analytic}`).toBeLessThanOrEqual(
      REL * Math.max(Math.abs(analytic), 1e-2),
    );
  }
  model.dispose();
}

test('decoder-only, Pre-LN residual, learned positions, tied output', () => {
  check(copyTask(4, 3), { norm: 'pre', positions: 'learned', tiedOutput: true }, [
    'embed',
    'pos',
    'dec.0.self.wqkv',
    'dec.0.ffn.w1',
    'dec.1.self.ln_g',
    'dec.final_ln.b',
    'out.b',
  ]);
});

test('decoder-only, Post-LN, concatenation and highway connections', () => {
  check(copyTask(4, 3), { norm: 'post', connection: 'concat' }, ['dec.0.self.wo', 'dec.0.self.cat_w', 'dec.1.ffn.ln_b', 'out.w']);
  check(copyTask(4, 3), { norm: 'none', connection: 'highway' }, ['dec.0.self.gate_w', 'dec.1.ffn.w2', 'dec.0.self.bqkv']);
});

test('encoder–decoder with cross-attention', () => {
  check(translationTask(3, 2, 2), { arch: 'encdec', nLayers: 1, norm: 'post' }, [
    'enc.0.self.wqkv',
    'dec.0.cross.wq',
    'dec.0.cross.wkv',
    'dec.0.ffn.b1',
  ]);
});

test('RMSNorm (Pre-LN and Post-LN): gains of the norms and the weights below them', () => {
  check(copyTask(4, 3), { norm: 'pre', normKind: 'rms' }, [
    'dec.0.self.ln_g',
    'dec.0.self.wqkv',
    'dec.1.ffn.w1',
    'dec.final_ln.g',
    'embed',
  ]);
  check(copyTask(4, 3), { norm: 'post', normKind: 'rms' }, ['dec.0.ffn.ln_g', 'dec.0.self.wo', 'dec.1.self.wqkv']);
});

test('BatchNorm (statistics over every token of the batch), Pre-LN and Post-LN', () => {
  check(copyTask(4, 3), { norm: 'pre', normKind: 'batch' }, [
    'dec.0.self.ln_g',
    'dec.0.self.ln_b',
    'dec.0.ffn.w2',
    'dec.final_ln.b',
    'embed',
  ]);
  check(copyTask(4, 3), { norm: 'post', normKind: 'batch' }, ['dec.1.ffn.ln_g', 'dec.0.self.wqkv', 'dec.1.ffn.b1']);
});

test("branch scale and ReZero's α (set away from its zero start, so the branches' own gradients are not zero)", () => {
  check(copyTask(4, 3), { norm: 'pre', branchScale: 0.3 }, ['dec.0.self.wqkv', 'dec.1.ffn.w1', 'dec.0.ffn.ln_g']);
  const setAlphas = (m: Model) => {
    let k = 0;
    for (const [name, v] of m.params) if (name.endsWith('.alpha')) v.assign(tf.tensor1d([0.2 + 0.1 * k++]));
  };
  check(
    copyTask(4, 3),
    { norm: 'none', rezero: true },
    ['dec.0.self.alpha', 'dec.1.ffn.alpha', 'dec.0.ffn.w1', 'dec.1.self.wqkv'],
    setAlphas,
  );
  check(copyTask(4, 3), { norm: 'pre', normKind: 'rms', rezero: true, branchScale: 0.5 }, ['dec.0.ffn.alpha', 'dec.0.self.wo'], setAlphas);
});
