// [B·T, n·H·dh] → n tensors [B, H, T, dh] (the fused Q/K/V or K/V projection split into heads) as one kernel
// forward and one backward, on WASM and CPU. Written with reshape, transpose and split it took 3 kernels each
// way, and WASM's split along an inner axis and its 5-D transposes are slow loops (measured 0.9 ms and 5 ms).
// On WASM, with dh a multiple of 4, the copy runs in our SIMD module (v128 loads and stores; it was ~7% of E2's
// time as a JS loop); elsewhere in JS. A copy either way: the same values.
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth, registerGradientOnce, type KernelIO } from './io';
import { simdKernels } from './simd-kernels';

export const SPLIT_HEADS = 'LabSplitHeads';
const MERGE_HEADS = 'LabSplitHeadsGrad';

interface Dims {
  B: number;
  T: number;
  n: number;
  H: number;
}

/** Copy between x [B, T, n, H, dh] and parts[k] [B, H, T, dh], in the direction asked. */
function copy(x: Float32Array, parts: Float32Array[], { B, T, n, H }: Dims, dh: number, toParts: boolean): void {
  for (let k = 0; k < n; k++) {
    const p = parts[k]!;
    for (let b = 0; b < B; b++)
      for (let h = 0; h < H; h++)
        for (let t = 0; t < T; t++) {
          const src = (((b * T + t) * n + k) * H + h) * dh;
          const dst = ((b * H + h) * T + t) * dh;
          // Plain loops: a subarray per dh-long run costs more than the copy itself.
          if (toParts) for (let c = 0; c < dh; c++) p[dst + c] = x[src + c]!;
          else for (let c = 0; c < dh; c++) x[src + c] = p[dst + c]!;
        }
  }
}

const headDim = (x: tf.TensorInfo, { n, H }: Dims) => x.shape[1]! / n / H;

/** The copy on this backend: SIMD on WASM when dh is a multiple of 4, else the JS loop. */
function copyHeads(io: KernelIO, x: tf.TensorInfo, parts: tf.TensorInfo[], dims: Dims, dh: number, toParts: boolean): void {
  const simd = io.memory ? simdKernels(io.memory) : null;
  if (!simd || dh % 4 !== 0) return copy(io.view(x), parts.map(io.view), dims, dh, toParts);
  const { B, T, n, H } = dims;
  parts.forEach((p, k) => simd.heads(io.offset(x), io.offset(p), B, T, n, H, dh, k, toParts ? 1 : 0));
}

registerBoth(SPLIT_HEADS, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const dims = attrs as unknown as Dims;
  const x = inputs.x!;
  const dh = headDim(x, dims);
  const outs = Array.from({ length: dims.n }, () => io.alloc([dims.B, dims.H, dims.T, dh]));
  copyHeads(io, x, outs, dims, dh, true);
  return outs;
});

registerBoth(MERGE_HEADS, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const dims = attrs as unknown as Dims;
  const parts = Array.from({ length: dims.n }, (_, k) => inputs[`d${k}`]!);
  const dh = parts[0]!.shape[3]!;
  const dx = io.alloc([dims.B * dims.T, dims.n * dims.H * dh]);
  copyHeads(io, dx, parts, dims, dh, false);
  return dx;
});

registerGradientOnce({
  kernelName: SPLIT_HEADS,
  gradFunc: (dys, _saved, attrs) => {
    const inputs = Object.fromEntries((Array.isArray(dys) ? dys : [dys]).map((d, k) => [`d${k}`, d]));
    return { x: () => tf.engine().runKernel(MERGE_HEADS, inputs, attrs) as tf.Tensor };
  },
});

/** [B·T, n·H·dh] → n tensors [B, H, T, dh]. */
export function splitHeads(x: tf.Tensor2D, B: number, T: number, n: number, H: number): tf.Tensor4D[] {
  const out = tf.engine().runKernel(SPLIT_HEADS, { x }, { B, T, n, H });
  return (Array.isArray(out) ? out : [out]) as tf.Tensor4D[];
}
