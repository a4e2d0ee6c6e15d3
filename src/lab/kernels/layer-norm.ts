// LayerNorm over the last axis of x [N, d] as one kernel forward and one backward (instead of ~10 and ~14
// TF.js kernels), on WASM and CPU: in our SIMD module on WASM when d is a multiple of 4 (float32 sums), else
// in JS (sums in float64); results are float32.
//   forward:  x̂ = (x − mean)/√(var + ε), y = x̂·g + b
//   backward: dx̂ = dy·g, dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))/√(var + ε), dg = Σ_rows dy·x̂, db = Σ_rows dy
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth, registerGradientOnce } from './io';
import { simdKernels } from './simd-kernels';

export const LAYER_NORM = 'LabLayerNorm';
const LAYER_NORM_GRAD = 'LabLayerNormGrad';

/** Mean and 1/√(var + ε) of row r. */
function rowStats(x: Float32Array, r: number, d: number, epsilon: number): [number, number] {
  let s = 0;
  for (let j = r * d; j < (r + 1) * d; j++) s += x[j]!;
  const mean = s / d;
  let v = 0;
  for (let j = r * d; j < (r + 1) * d; j++) v += (x[j]! - mean) ** 2;
  return [mean, 1 / Math.sqrt(v / d + epsilon)];
}

registerBoth(LAYER_NORM, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const { x, g, b } = inputs as Record<'x' | 'g' | 'b', tf.TensorInfo>;
  const { epsilon } = attrs as { epsilon: number };
  const [N, d] = x.shape as [number, number];
  const out = io.alloc([N, d]);
  const simd = io.memory ? simdKernels(io.memory) : null;
  if (simd && d % 4 === 0) {
    simd.lnforward(io.offset(x), io.offset(g), io.offset(b), io.offset(out), N, d, epsilon);
    return out;
  }
  const [X, G, B, Y] = [io.view(x), io.view(g), io.view(b), io.view(out)];
  for (let r = 0; r < N; r++) {
    const [mean, inv] = rowStats(X, r, d, epsilon);
    for (let j = 0, k = r * d; j < d; j++, k++) Y[k] = (X[k]! - mean) * inv * G[j]! + B[j]!;
  }
  return out;
});

registerBoth(LAYER_NORM_GRAD, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const { x, g, dy } = inputs as Record<'x' | 'g' | 'dy', tf.TensorInfo>;
  const { epsilon } = attrs as { epsilon: number };
  const [N, d] = x.shape as [number, number];
  const outs = [io.alloc([N, d]), io.alloc([d]), io.alloc([d])];
  const simd = io.memory ? simdKernels(io.memory) : null;
  if (simd && d % 4 === 0) {
    const [dx, dg, db] = outs.map(io.offset) as [number, number, number];
    simd.lnbackward(io.offset(x), io.offset(g), io.offset(dy), dx, dg, db, N, d, epsilon);
    return outs;
  }
  const [X, G, DY] = [io.view(x), io.view(g), io.view(dy)];
  const [DX, DG, DB] = outs.map(io.view) as [Float32Array, Float32Array, Float32Array];
  const dg = new Float64Array(d);
  const db = new Float64Array(d);
  const xhat = new Float64Array(d);
  const dxhat = new Float64Array(d);
  for (let r = 0; r < N; r++) {
    const [mean, inv] = rowStats(X, r, d, epsilon);
    let mDxhat = 0;
    let mDxhatXhat = 0;
    for (let j = 0, k = r * d; j < d; j++, k++) {
      xhat[j] = (X[k]! - mean) * inv;
      dxhat[j] = DY[k]! * G[j]!;
      mDxhat += dxhat[j]!;
      mDxhatXhat += dxhat[j]! * xhat[j]!;
      dg[j] += DY[k]! * xhat[j]!;
      db[j] += DY[k]!;
    }
    mDxhat /= d;
    mDxhatXhat /= d;
    for (let j = 0, k = r * d; j < d; j++, k++) DX[k] = inv * (dxhat[j]! - mDxhat - xhat[j]! * mDxhatXhat);
  }
  DG.set(dg);
  DB.set(db);
  return outs;
});

registerGradientOnce({
  kernelName: LAYER_NORM,
  inputsToSave: ['x', 'g'],
  gradFunc: (dy, saved, attrs) => {
    const [x, g] = saved as [tf.Tensor, tf.Tensor];
    const [dx, dg, db] = tf.engine().runKernel(LAYER_NORM_GRAD, { x, g, dy: dy as tf.Tensor }, attrs) as tf.Tensor[];
    return { x: () => dx!, g: () => dg!, b: () => db! };
  },
});

/** LayerNorm of x [N, d] with gain g [d] and bias b [d]. */
export function layerNormKernel(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor, epsilon: number): tf.Tensor2D {
  return tf.engine().runKernel(LAYER_NORM, { x, g, b }, { epsilon }) as tf.Tensor2D;
}
