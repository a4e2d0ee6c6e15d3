// A dense layer y = x·W + b (+ ReLU) [N, n] → [N, m] as one kernel forward and one backward, on WASM and CPU.
// Why: TF.js WASM runs matMuls with transpose flags through a slow loop (its own matMul gradients use them),
// and a custom gradient copies each tensor it saves. Here the backward kernel transposes explicitly, calls the
// backend's plain matMul (XNNPACK on WASM) directly, and masks and sums in our SIMD module (JS on CPU):
//   g = dy (⊙ [y > 0] with ReLU), dx = g·Wᵀ, dW = xᵀ·g, db = Σ_rows g
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth, registerGradientOnce, type KernelIO } from './io';
import { simdKernels, type SimdKernels } from './simd-kernels';

export const DENSE = 'LabDense';
const DENSE_GRAD = 'LabDenseGrad';

const as3d = (t: tf.TensorInfo): tf.TensorInfo => ({ dataId: t.dataId, dtype: t.dtype, shape: [1, ...t.shape] });

registerBoth(DENSE, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const { x, w, b } = inputs as Record<'x' | 'w' | 'b', tf.TensorInfo>;
  const { relu } = attrs as { relu: boolean };
  const y = io.call(
    '_FusedMatMul',
    { a: as3d(x), b: as3d(w), bias: b },
    { transposeA: false, transposeB: false, activation: relu ? 'relu' : 'linear' },
  );
  y.shape = [x.shape[0]!, w.shape[1]!];
  return y;
});

/**
 * dW = xᵀ·g. XNNPACK repacks its right-hand matrix on every call with a new one (g always is) and needs xᵀ
 * first; our SIMD module reads x as it is stored. Measured on 512 rows: SIMD 10-40% faster for weights of
 * up to 4,096 entries (d 32: 32×32 75 vs 130 µs, 32×128 263 vs 362 µs), within ±5% above (d 64), so small
 * weights take SIMD and the rest XNNPACK; so do CPU and widths that are not a multiple of 4.
 */
function weightGradient(io: KernelIO, x: tf.TensorInfo, g: tf.TensorInfo, simd: SimdKernels | null): tf.TensorInfo {
  const [N, n] = x.shape as [number, number];
  const m = g.shape[1]!;
  if (simd && m % 4 === 0 && n * m <= 4096) {
    const dw = io.alloc([n, m]);
    simd.mm(io.offset(x), io.offset(g), io.offset(dw), 1, n, N, m, 1, n);
    return dw;
  }
  const xT = io.call('Transpose', { x }, { perm: [1, 0] });
  const dw = io.call('BatchMatMul', { a: xT, b: g }, { transposeA: false, transposeB: false });
  io.free(xT);
  return dw;
}

registerBoth(DENSE_GRAD, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const { x, w, dy, y } = inputs as Record<'x' | 'w' | 'dy' | 'y', tf.TensorInfo>;
  const { relu } = attrs as { relu: boolean };
  const [N, m] = dy.shape as [number, number];
  const db = io.alloc([m]);
  const g = relu ? io.alloc([N, m]) : dy;
  const simd = io.memory ? simdKernels(io.memory) : null;
  if (simd && m % 4 === 0) {
    if (relu) simd.relumask(io.offset(dy), io.offset(y), io.offset(g), N * m);
    simd.colsum(io.offset(g), io.offset(db), N, m);
  } else {
    const [DY, G, DB] = [io.view(dy), io.view(g), io.view(db)];
    if (relu) {
      const Y = io.view(y);
      for (let i = 0; i < DY.length; i++) G[i] = Y[i]! > 0 ? DY[i]! : 0;
    }
    const sums = new Float64Array(m);
    for (let r = 0; r < N; r++) for (let j = 0, k = r * m; j < m; j++, k++) sums[j] += G[k]!;
    DB.set(sums);
  }
  const matMul = (a: tf.TensorInfo, b: tf.TensorInfo) => io.call('BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
  const transpose = (t: tf.TensorInfo) => io.call('Transpose', { x: t }, { perm: [1, 0] });
  const wT = transpose(w);
  const dx = matMul(g, wT);
  io.free(wT);
  const dw = weightGradient(io, x, g, simd);
  if (relu) io.free(g);
  dx.shape = [N, w.shape[0]!];
  dw.shape = [...w.shape];
  return [dx, dw, db];
});

registerGradientOnce({
  kernelName: DENSE,
  inputsToSave: ['x', 'w'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, w, y] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
    const [dx, dw, db] = tf.engine().runKernel(DENSE_GRAD, { x, w, dy: dy as tf.Tensor, y }, attrs) as tf.Tensor[];
    return { x: () => dx!, w: () => dw!, b: () => db! };
  },
});

/** x·W + b, with ReLU if asked: x [N, n], W [n, m], b [m]. */
export function denseKernel(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor, relu: boolean): tf.Tensor2D {
  return tf.engine().runKernel(DENSE, { x, w, b }, { relu }) as tf.Tensor2D;
}
