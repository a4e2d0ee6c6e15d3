// Wall-clock of the norms alone, forward and backward, at a model's activation shape: LayerNorm on its fused
// kernel, the same LayerNorm written with plain tf ops (reference.ts), and RMSNorm (plain tf ops, norms.ts). A
// like-for-like comparison of the two formulas is plain against plain; the fused kernel shows what fusing buys.
// Shown, never compared or asserted: time depends on the machine and its load.
import * as tf from '@tensorflow/tfjs-core';
import { layerNorm, LN_EPSILON } from './layers';
import { layerNormReference } from './reference';
import { rmsNorm } from './norms';
import { makeRng } from './rng';
import { median } from './train';

export type NormTiming = {
  /** Rows (batch · time) and width d the norms were timed at. */
  rows: number;
  d: number;
  /** Median ms of one norm, forward and backward, by implementation. */
  msPerNorm: { 'LayerNorm (fused kernel)': number; 'LayerNorm (plain ops)': number; 'RMSNorm (plain ops)': number };
};

/** Times `count` norms in a chain (forward and backward) per repetition, minus the same chain without them; per norm. */
export function timeNorms({ rows, d, count = 8, reps = 15 }: { rows: number; d: number; count?: number; reps?: number }): NormTiming {
  const r = makeRng(7);
  const mk = (shape: number[]) =>
    tf.variable(
      tf.tensor(
        Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.normal()),
        shape,
      ),
    );
  const x = mk([rows, d]);
  const y = mk([rows, d]);
  const g = mk([d]);
  const b = mk([d]);
  const time = (op: ((h: tf.Tensor2D) => tf.Tensor2D) | null): number => {
    const t0 = performance.now();
    const out = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        let h = x as tf.Tensor as tf.Tensor2D;
        for (let i = 0; i < count; i++) h = op ? op(h) : h;
        return tf.sum(tf.mul(h, y)) as tf.Scalar;
      }, [x, g, b]);
      return tf.stack(Object.values(grads).map((t) => tf.sum(t)));
    });
    out.dataSync();
    out.dispose();
    return performance.now() - t0;
  };
  const ops = {
    'LayerNorm (fused kernel)': (h: tf.Tensor2D) => layerNorm(h, g, b),
    'LayerNorm (plain ops)': (h: tf.Tensor2D) => layerNormReference(h, g, b, LN_EPSILON),
    // + 0·b so that every chain has a gradient for b (RMSNorm has no bias)
    'RMSNorm (plain ops)': (h: tf.Tensor2D) => tf.add(rmsNorm(h, g), tf.mul(b, 0)) as tf.Tensor2D,
  };
  const samples = Object.fromEntries(Object.keys(ops).map((k) => [k, [] as number[]]));
  const base: number[] = [];
  for (const op of Object.values(ops)) time(op); // warm up every kernel once
  for (let i = 0; i < reps; i++) {
    base.push(time(null));
    for (const [k, op] of Object.entries(ops)) samples[k]!.push(time(op));
  }
  tf.dispose([x, y, g, b]);
  const per = (k: string) => Math.max(0, median(samples[k]!) - median(base)) / count;
  return {
    rows,
    d,
    msPerNorm: {
      'LayerNorm (fused kernel)': per('LayerNorm (fused kernel)'),
      'LayerNorm (plain ops)': per('LayerNorm (plain ops)'),
      'RMSNorm (plain ops)': per('RMSNorm (plain ops)'),
    },
  };
}
