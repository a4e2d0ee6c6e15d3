// The attention weights from raw scores [B, H, Tq, Tk] as one kernel forward and one backward (instead of
// scale, mask add, softmax and their ~6 gradient kernels), on WASM and CPU:
//   forward:  w = softmax(scale·s) along Tk, with w = 0 above the diagonal when causal (the −∞ mask)
//   backward: ds = scale · w ⊙ (dw − Σ_k dw·w)
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth, registerGradientOnce } from './io';
import { simdKernels } from './simd-kernels';

export const ATTENTION_SOFTMAX = 'LabAttentionSoftmax';
const ATTENTION_SOFTMAX_GRAD = 'LabAttentionSoftmaxGrad';

registerBoth(ATTENTION_SOFTMAX, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const { scores } = inputs as { scores: tf.TensorInfo };
  const { scale, causal } = attrs as { scale: number; causal: boolean };
  const shape = scores.shape;
  const [Tq, Tk] = shape.slice(-2) as [number, number];
  const rows = shape.reduce((a, b) => a * b, 1) / Tk;
  const out = io.alloc(shape);
  // On WASM the same loop runs in our module with fdlibm's exp, which is Node's Math.exp bit for bit (Chromium's
  // differs in the last bits): the stored runs' numbers, in less time in Node.
  const simd = io.memory ? simdKernels(io.memory) : null;
  if (simd) {
    simd.softmax(io.offset(scores), io.offset(out), rows, Tq, Tk, causal ? 1 : 0, scale);
    return out;
  }
  const [S, W] = [io.view(scores), io.view(out)];
  // #region causal-softmax
  for (let r = 0; r < rows; r++) {
    const o = r * Tk;
    const visible = causal ? (r % Tq) + 1 : Tk; // query i sees keys 0..i
    let max = -Infinity;
    for (let k = 0; k < visible; k++) max = Math.max(max, S[o + k]! * scale);
    let sum = 0;
    for (let k = 0; k < visible; k++) sum += W[o + k] = Math.exp(S[o + k]! * scale - max);
    for (let k = 0; k < Tk; k++) W[o + k] = k < visible ? W[o + k]! / sum : 0;
  }
  // #endregion causal-softmax
  return out;
});

registerBoth(ATTENTION_SOFTMAX_GRAD, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const { w, dw } = inputs as Record<'w' | 'dw', tf.TensorInfo>;
  const { scale } = attrs as { scale: number };
  const Tk = w.shape[w.shape.length - 1]!;
  const out = io.alloc(w.shape);
  const [W, DW, DS] = [io.view(w), io.view(dw), io.view(out)];
  for (let o = 0; o < W.length; o += Tk) {
    let dot = 0;
    for (let k = o; k < o + Tk; k++) dot += DW[k]! * W[k]!;
    for (let k = o; k < o + Tk; k++) DS[k] = scale * W[k]! * (DW[k]! - dot);
  }
  return out;
});

registerGradientOnce({
  kernelName: ATTENTION_SOFTMAX,
  outputsToSave: [true],
  gradFunc: (dw, saved, attrs) => {
    const [w] = saved as [tf.Tensor];
    return {
      scores: () =>
        tf
          .engine()
          .runKernel(ATTENTION_SOFTMAX_GRAD, { w, dw: dw as tf.Tensor }, { scale: (attrs as { scale: number }).scale }) as tf.Tensor,
    };
  },
});

/** Attention weights softmax(scale·scores) over the last axis, causal-masked if asked (needs Tq = Tk). */
export function attentionSoftmax(scores: tf.Tensor4D, scale: number, causal: boolean): tf.Tensor4D {
  if (causal && scores.shape[2] !== scores.shape[3])
    throw new Error(`a causal mask needs Tq = Tk, got ${scores.shape[2]} and ${scores.shape[3]}`);
  return tf.engine().runKernel(ATTENTION_SOFTMAX, { scores }, { scale, causal }) as tf.Tensor4D;
}
