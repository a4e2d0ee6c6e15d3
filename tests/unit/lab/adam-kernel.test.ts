// The fused Adam kernel gives exactly what the same update written with tf ops gives (float32, same order),
// on both backends, with and without gradient clipping.
import { beforeAll, afterAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { adamUpdate, type AdamConstants } from '~/lab/adam-kernel';
import { makeRng } from '~/lab/rng';

// Start WASM once, with time to spare on a busy machine (a start cut short by a test timeout cannot be retried).
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
}, 60_000);

const c: AdamConstants = { beta1: 0.9, beta2: 0.98, epsilon: 1e-9, lrT: (3e-3 * Math.sqrt(1 - 0.98 ** 3)) / (1 - 0.9 ** 3) };

function reference(p: tf.Tensor, m: tf.Tensor, v: tf.Tensor, g: tf.Tensor, scale: tf.Scalar | null) {
  const gi = scale ? tf.mul(g, scale) : g;
  const gi2 = scale ? tf.mul(tf.square(g), tf.square(scale)) : tf.square(g);
  const m2 = tf.add(tf.mul(m, c.beta1), tf.mul(gi, 1 - c.beta1));
  const v2 = tf.add(tf.mul(v, c.beta2), tf.mul(gi2, 1 - c.beta2));
  return [tf.sub(p, tf.mul(tf.div(m2, tf.add(tf.sqrt(v2), c.epsilon)), c.lrT)), m2, v2];
}

afterAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

for (const backend of ['wasm', 'cpu'] as const) {
  for (const clipped of [false, true]) {
    test(`${backend}, ${clipped ? 'clipped' : 'unclipped'}: bit-identical to the tf-op update`, async () => {
      expect((await initBackend({ prefer: backend })).backend).toBe(backend);
      const r = makeRng(5);
      const rand = (shape: number[], pos = false) =>
        tf.tensor(
          Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (pos ? Math.abs(r.normal()) * 1e-3 : r.normal())),
          shape,
        );
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const shapes = [[7, 5], [5], [3, 4, 2], [16, 6]]; // sizes 24 and 96 take the SIMD path on WASM
        const p = shapes.map((s) => rand(s));
        const m = shapes.map((s) => tf.mul(rand(s), 0.01));
        const v = shapes.map((s) => rand(s, true));
        const g = shapes.map((s) => rand(s));
        const scale = clipped ? tf.scalar(0.37) : null;
        const fused = adamUpdate(p, m, v, g, scale, c);
        fused.forEach((outs, i) => {
          const ref = reference(p[i]!, m[i]!, v[i]!, g[i]!, scale);
          outs.forEach((t, j) => {
            expect(t.shape).toEqual(shapes[i]);
            expect(Array.from(t.dataSync())).toEqual(Array.from(ref[j]!.dataSync()));
          });
          expect(Array.from(outs[0]!.dataSync())).not.toEqual(Array.from(p[i]!.dataSync())); // it did update
        });
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }
}
