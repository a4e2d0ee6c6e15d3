// The plain-tf LayerNorm shown to readers (src/lab/reference.ts) computes what the lab's fused LayerNorm
// (layers.ts → kernels/layer-norm.ts) computes, values and gradients, on random inputs on WASM and CPU.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { layerNorm, LN_EPSILON } from '~/lab/layers';
import { layerNormReference } from '~/lab/reference';
import { makeRng } from '~/lab/rng';

// Start WASM once, with time to spare on a busy machine (a start cut short by a test timeout cannot be retried).
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
}, 60_000);

/** Random normal values times `scale` plus `shift` (a stream far from mean 0 and variance 1, as deep in a stack). */
function random(shape: number[], seed: number, scale = 1, shift = 0): tf.Tensor {
  const r = makeRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => r.normal() * scale + shift),
    shape,
  );
}

/** Largest |a − b| over all elements, relative to max(1, max |b|). */
function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  const [av, bv] = [a.dataSync(), b.dataSync()];
  expect(av.length).toBe(bv.length);
  const scale = Math.max(1, ...Array.from(bv, Math.abs));
  return Math.max(...Array.from(av, (v, i) => Math.abs(v - bv[i]!))) / scale;
}

for (const backend of ['wasm', 'cpu'] as const) {
  // d 16: the kernel's SIMD path on WASM; d 6: its JS path. Scale 30 and shift 5: inputs unlike N(0, 1).
  for (const [d, scale, shift] of [
    [16, 1, 0],
    [16, 30, 5],
    [6, 3, -2],
  ] as const) {
    test(`${backend}: layerNormReference = the lab's layerNorm (d ${d}, x·${scale} + ${shift}), values and gradients`, async () => {
      await initBackend({ prefer: backend });
      tf.tidy(() => {
        const x = random([20, d], 1, scale, shift) as tf.Tensor2D;
        const [gamma, beta] = [random([d], 2), random([d], 3)];
        const weights = random([20, d], 4);
        const loss = (f: typeof layerNorm) => (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(f(x as tf.Tensor2D, g, b), weights));
        const reference = (x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor) => layerNormReference(x, g, b, LN_EPSILON);
        expect(relativeError(layerNorm(x, gamma, beta), reference(x, gamma, beta))).toBeLessThan(1e-5);
        const lab = tf.grads(loss(layerNorm))([x, gamma, beta]);
        const ref = tf.grads(loss(reference))([x, gamma, beta]);
        lab.forEach((g, i) => expect(relativeError(g, ref[i]!), `gradient ${['x', 'gamma', 'beta'][i]}`).toBeLessThan(1e-4));
      });
    });
  }
}
