// A dense layer y = x·W + b (+ ReLU) [N, n] → [N, m] as one kernel forward and one backward, on WASM and CPU.
// Why: TF.js WASM runs matMuls with transpose flags through a slow loop (its own matMul gradients use them),
// XNNPACK repacks a right-hand matrix it has not seen (every W after an update, every gradient), and a custom
// gradient copies each tensor it saves. On WASM, with widths a multiple of 4, every product runs in our SIMD
// module's register-blocked mm, which reads x and xᵀ where they are stored and adds in XNNPACK's order (bias
// first, then k in order), so results are the same bit for bit (tests/unit/lab/fused-kernels.test.ts); CPU and
// other widths call the backend's own kernels:
//   forward y = x·W + b (ReLU); backward g = dy (⊙ [y > 0] with ReLU), dx = g·Wᵀ, dW = xᵀ·g, db = Σ_rows g
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth, registerGradientOnce, type KernelIO } from './io';
import { simdKernels } from './simd-kernels';

export const DENSE = 'LabDense';
const DENSE_GRAD = 'LabDenseGrad';

const as3d = (t: tf.TensorInfo): tf.TensorInfo => ({ dataId: t.dataId, dtype: t.dtype, shape: [1, ...t.shape] });

registerBoth(DENSE, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const { x, w, b } = inputs as Record<'x' | 'w' | 'b', tf.TensorInfo>;
  const { relu } = attrs as { relu: boolean };
  const [N, n] = x.shape as [number, number];
  const m = w.shape[1]!;
  const simd = io.memory ? simdKernels(io.memory) : null;
  if (simd && m % 4 === 0) {
    const y = io.alloc([N, m]);
    simd.mm(io.offset(x), io.offset(w), io.offset(y), 1, N, n, m, n, 1, io.offset(b), relu ? 1 : 0);
    return y;
  }
  const y = io.call(
    '_FusedMatMul',
    { a: as3d(x), b: as3d(w), bias: b },
    { transposeA: false, transposeB: false, activation: relu ? 'relu' : 'linear' },
  );
  y.shape = [N, m];
  return y;
});

/** C = A·B of two [rows, cols] tensors on the backend's own kernel (CPU, or widths that are not a multiple of 4). */
function backendMatMul(io: KernelIO, a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo {
  return io.call('BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
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
  const wT = io.call('Transpose', { x: w }, { perm: [1, 0] });
  const n = w.shape[0]!;
  let dx: tf.TensorInfo, dw: tf.TensorInfo;
  if (simd && m % 4 === 0 && n % 4 === 0) {
    [dx, dw] = [io.alloc([N, n]), io.alloc([n, m])];
    simd.mm(io.offset(g), io.offset(wT), io.offset(dx), 1, N, m, n, m, 1, 0, 0);
    simd.mm(io.offset(x), io.offset(g), io.offset(dw), 1, n, N, m, 1, n, 0, 0); // xᵀ read where x is stored
  } else {
    const xT = io.call('Transpose', { x }, { perm: [1, 0] });
    [dx, dw] = [backendMatMul(io, g, wT), backendMatMul(io, xT, g)];
    io.free(xT);
  }
  io.free(wT);
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
