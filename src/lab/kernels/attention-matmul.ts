// The two batched products of attention, scores = q·kᵀ and out = w·v over [B, H, T, ·], and their gradients,
// as registered kernels. On WASM they run in our WebAssembly SIMD module (simd-kernels.ts, measured ~4-5×
// TF.js's batched matMul at 16×16); on CPU, or when the head size is not a multiple of 4, they call the
// backend's own BatchMatMul.
//   scores: S = Q·Kᵀ;  dQ = dS·K, dK = dSᵀ·Q
//   apply:  O = W·V;   dW = dO·Vᵀ, dV = Wᵀ·dO
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth, registerGradientOnce, type KernelIO } from './io';
import { simdKernels } from './simd-kernels';

export const ATTENTION_SCORES = 'LabAttentionScores';
export const ATTENTION_APPLY = 'LabAttentionApply';
const SCORES_GRAD = 'LabAttentionScoresGrad';
const APPLY_GRAD = 'LabAttentionApplyGrad';

type Form = 'nn' | 'tn' | 'nt';

/** Per batch of the leading dims: nn C = A·B, tn C = Aᵀ·B, nt C = A·Bᵀ. */
function product(io: KernelIO, form: Form, a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo {
  const lead = a.shape.slice(0, -2);
  const batch = lead.reduce((x, y) => x * y, 1);
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  const [M, K, N] = form === 'nn' ? [ar, ac, bc] : form === 'tn' ? [ac, ar, bc] : [ar, ac, br];
  const simd = io.memory ? simdKernels(io.memory) : null;
  const vectorizable = form === 'nt' ? K % 4 === 0 : N % 4 === 0;
  if (!simd || !vectorizable) {
    const c = io.call('BatchMatMul', { a, b }, { transposeA: form === 'tn', transposeB: form === 'nt' });
    c.shape = [...lead, M, N];
    return c;
  }
  const c = io.alloc([...lead, M, N]);
  const [pa, pb, pc] = [io.offset(a), io.offset(b), io.offset(c)];
  if (form === 'nt') simd.nt(pa, pb, pc, batch, M, K, N);
  else if (form === 'nn') simd.mm(pa, pb, pc, batch, M, K, N, K, 1, 0, 0);
  else simd.mm(pa, pb, pc, batch, M, K, N, 1, M, 0, 0);
  return c;
}

registerBoth(ATTENTION_SCORES, ({ inputs, backend }) => product(kernelIO(backend), 'nt', inputs.q!, inputs.k!));
registerBoth(ATTENTION_APPLY, ({ inputs, backend }) => product(kernelIO(backend), 'nn', inputs.w!, inputs.v!));
registerBoth(SCORES_GRAD, ({ inputs, backend }) => {
  const io = kernelIO(backend);
  return [product(io, 'nn', inputs.dy!, inputs.k!), product(io, 'tn', inputs.dy!, inputs.q!)];
});
registerBoth(APPLY_GRAD, ({ inputs, backend }) => {
  const io = kernelIO(backend);
  return [product(io, 'nt', inputs.dy!, inputs.v!), product(io, 'tn', inputs.w!, inputs.dy!)];
});

/** The gradient of a product kernel with inputs [a, b]: its grad kernel takes a, b and dy and returns [da, db]. */
function registerProductGradient(kernelName: string, gradKernel: string, [a, b]: [string, string]): void {
  registerGradientOnce({
    kernelName,
    inputsToSave: [a, b],
    gradFunc: (dy, saved) => {
      const [left, right] = saved as [tf.Tensor, tf.Tensor];
      const [dLeft, dRight] = tf.engine().runKernel(gradKernel, { [a]: left, [b]: right, dy: dy as tf.Tensor }) as tf.Tensor[];
      return { [a]: () => dLeft!, [b]: () => dRight! };
    },
  });
}
registerProductGradient(ATTENTION_SCORES, SCORES_GRAD, ['q', 'k']);
registerProductGradient(ATTENTION_APPLY, APPLY_GRAD, ['w', 'v']);

/** Raw attention scores q·kᵀ: q [B, H, Tq, dh], k [B, H, Tk, dh] → [B, H, Tq, Tk]. */
export function attentionScores(q: tf.Tensor4D, k: tf.Tensor4D): tf.Tensor4D {
  return tf.engine().runKernel(ATTENTION_SCORES, { q, k }) as tf.Tensor4D;
}

/** Attention output w·v: w [B, H, Tq, Tk], v [B, H, Tk, dh] → [B, H, Tq, dh]. */
export function attentionApply(w: tf.Tensor4D, v: tf.Tensor4D): tf.Tensor4D {
  return tf.engine().runKernel(ATTENTION_APPLY, { w, v }) as tf.Tensor4D;
}
