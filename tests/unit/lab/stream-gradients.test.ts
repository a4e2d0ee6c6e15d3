// The stream-gradient instrument (∂loss/∂x_l between blocks) against two independent computations:
// at the input, the chain rule through the embedding (∂loss/∂E = √d · onehotᵀ · ∂loss/∂x_0 and, with learned
// positions, ∂loss/∂P[t] = Σ_b ∂loss/∂x_0[b, t]) from tf.variableGrads on the parameters; inside the stack, a
// central finite difference of the loss along the measured gradient's own direction, which must equal its norm.
// Bound for the finite difference as in gradients.test.ts: float32 rounding and ReLU kinks stay far below 2e-2.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel, forward, maskedCrossEntropy, type Model } from '~/lab/model';
import { streamGradients } from '~/lab/instruments';
import { copyTask, encodeBatch, taskModelFields } from '~/lab/tasks';
import { makeRng } from '~/lab/rng';
import type { ModelConfig } from '~/lab/config';
import { createLab } from '~/lab/facade';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
}, 60_000); // the WASM module compiles slowly on a busy machine

const task = copyTask(5, 3);
const modelOf = (cfg: Partial<ModelConfig>): Model =>
  createModel({ ...taskModelFields(task), dModel: 8, nHeads: 2, nLayers: 3, dFF: 16, positions: 'learned', ...cfg, seed: 3 });
/** The batch the instrument samples for this seed and size (the same recipe as instruments.ts). */
const batchOf = (model: Model, seed: number, size: number) =>
  encodeBatch(task, model.config, task.sample(makeRng(seed).fork('instrument'), size), 'answer');
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);
const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, x) => Math.max(m, Math.abs(x)), 0);

test.each(['post', 'pre', 'none'] as const)(
  'norm %s: at the input it matches the embedding and position gradients (chain rule)',
  (norm) => {
    const model = modelOf({ norm });
    const { B, T } = batchOf(model, 4, 6);
    const batch = batchOf(model, 4, 6);
    const { points, gradients, norms } = streamGradients(model, task, { seed: 4, batchSize: 6 });
    expect(points).toEqual(['dec.input', 'dec.0', 'dec.1', 'dec.2']);
    expect(norms.every((n) => n > 0 && Number.isFinite(n))).toBe(true);
    const [embed, pos] = [model.params.get('embed')!, model.params.get('pos')!];
    const d = model.config.dModel;
    const V = model.config.vocabSize;
    const fromParams = tf.tidy(() => {
      const loss = () => maskedCrossEntropy(forward(model, { B, T, decIn: batch.decIn }), batch.target, batch.mask);
      const { grads } = tf.variableGrads(loss, [embed, pos]);
      return [grads[embed.name]!.dataSync(), grads[pos.name]!.dataSync()];
    });
    const g0 = gradients[0]!;
    const viaEmbed = new Float32Array(V * d);
    const viaPos = new Float32Array(pos.size);
    for (let r = 0; r < B * T; r++)
      for (let j = 0; j < d; j++) {
        viaEmbed[batch.decIn[r]! * d + j]! += Math.sqrt(d) * g0[r * d + j]!;
        viaPos[(r % T) * d + j]! += g0[r * d + j]!;
      }
    expect(maxAbsDiff(viaEmbed, fromParams[0]!)).toBeLessThanOrEqual(1e-4 * maxAbs(fromParams[0]!));
    expect(maxAbsDiff(viaPos.subarray(0, T * d), fromParams[1]!.subarray(0, T * d))).toBeLessThanOrEqual(1e-4 * maxAbs(fromParams[1]!));
    model.dispose();
  },
);

test.each(['post', 'pre', 'none'] as const)('norm %s: after a block, a finite difference along the gradient equals its norm', (norm) => {
  const model = modelOf({ norm, positions: 'sinusoidal' });
  const batch = batchOf(model, 4, 6);
  const { gradients, norms } = streamGradients(model, task, { seed: 4, batchSize: 6 });
  for (const [i, point] of [
    [1, 'dec.0'],
    [2, 'dec.1'],
  ] as const) {
    const u = tf.tensor2d(
      gradients[i]!.map((g) => g / norms[i]!),
      [batch.B * batch.T, model.config.dModel],
    );
    const lossAt = (h: number) =>
      tf.tidy(
        () =>
          maskedCrossEntropy(
            forward(model, batch, { streamOffsets: new Map([[point, tf.mul(u, h)]]) }),
            batch.target,
            batch.mask,
          ).dataSync()[0]!,
      );
    const H = 2e-3;
    const fd = (lossAt(H) - lossAt(-H)) / (2 * H);
    u.dispose();
    expect(Math.abs(fd - norms[i]!), `${point}: finite difference ${fd} vs ‖∂L/∂x‖ ${norms[i]}`).toBeLessThanOrEqual(2e-2 * norms[i]!);
  }
  model.dispose();
});

test('leaves no tensor behind, and the facade returns the norms as plain numbers', async () => {
  const model = modelOf({ norm: 'post' });
  const before = tf.memory().numTensors;
  const lab = await createLab({ backend: 'wasm' });
  const out = lab.streamGradients(model, task, { seed: 1, batchSize: 4 });
  expect(tf.memory().numTensors).toBe(before);
  expect(out.points).toHaveLength(4);
  expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  model.dispose();
});

test('refuses an encoder–decoder model, naming the architecture', () => {
  const model = createModel({ ...taskModelFields(task, 'encdec'), arch: 'encdec', dModel: 8, nHeads: 2, nLayers: 1, seed: 1 });
  expect(() => streamGradients(model, task)).toThrow(/decoder-only.*'encdec'/);
  model.dispose();
});
