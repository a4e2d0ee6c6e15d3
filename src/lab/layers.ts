// Layers on TF.js core ops, on activations kept 2-D [batch·time, d]: LayerNorm (Ba16), multi-head
// attention with fused Q/K/V projection and heads batched by reshape/transpose (Vas17 §3.2), ReLU FFN.
import * as tf from '@tensorflow/tfjs-core';
import { attentionApply, attentionScores } from './kernels/attention-matmul';
import { attentionSoftmax } from './kernels/attention-softmax';
import { denseKernel } from './kernels/dense';
import { layerNormKernel } from './kernels/layer-norm';
import { matMul2dKernel } from './kernels/matmul-2d';
import { splitHeads } from './kernels/split-heads';

export const LN_EPSILON = 1e-5;

/** LayerNorm over the last axis (Ba16): y = (x − mean)/√(var + ε)·g + b, one fused kernel each way (kernels/layer-norm.ts). */
export function layerNorm(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return layerNormKernel(x, g, b, LN_EPSILON);
}

/** x·W + b (+ ReLU), one kernel each way with a backward pass free of transposed matMuls (kernels/dense.ts). */
export function dense(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor, relu = false): tf.Tensor2D {
  return denseKernel(x, w, b, relu);
}

/** a·b for 2-D tensors, one kernel each way with a backward pass free of transposed matMuls (kernels/matmul-2d.ts). */
export function matMul2d(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return matMul2dKernel(a, b);
}

export interface AttentionParams {
  wo: tf.Tensor;
  bo: tf.Tensor;
}

/**
 * Scaled dot-product attention of q [B,H,Tq,dh] over k,v [B,H,Tk,dh] (query i sees keys ≤ i when causal), merged back to [B·Tq, d] and
 * projected by wo. onWeights receives the attention weights [B,H,Tq,Tk] (for attention maps).
 */
function attend(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  causal: boolean,
  p: AttentionParams,
  onWeights?: (w: tf.Tensor4D) => void,
): tf.Tensor2D {
  const [B, H, Tq, dh] = q.shape;
  const weights = attentionSoftmax(attentionScores(q, k), 1 / Math.sqrt(dh), causal);
  onWeights?.(weights);
  const out = tf.reshape(tf.transpose(attentionApply(weights, v), [0, 2, 1, 3]), [B * Tq, H * dh]) as tf.Tensor2D;
  return dense(out, p.wo, p.bo);
}

/** The keys and values [B,H,t,dh] of the positions already decoded, kept across calls (kept tensors: the owner disposes them). */
export interface KeyValueCache {
  k?: tf.Tensor4D;
  v?: tf.Tensor4D;
}

/**
 * With a cache (decoding), x holds the new positions only: their keys and values join the cached ones, and a single new
 * position attends to all of them (the last row of a causal pass over every position, the same numbers).
 */
export function selfAttention(
  x: tf.Tensor2D,
  B: number,
  T: number,
  H: number,
  p: AttentionParams & { wqkv: tf.Tensor; bqkv: tf.Tensor },
  causal: boolean,
  onWeights?: (w: tf.Tensor4D) => void,
  cache?: KeyValueCache,
): tf.Tensor2D {
  const [q, k, v] = splitHeads(dense(x, p.wqkv, p.bqkv), B, T, 3, H);
  if (!cache) return attend(q!, k!, v!, causal, p, onWeights);
  if (cache.k && T !== 1) throw new Error(`decoding with cached keys takes one new position at a time, got ${T}`);
  const [keys, values] = cache.k ? [tf.concat([cache.k, k!], 2), tf.concat([cache.v!, v!], 2)] : [k!, v!];
  tf.dispose([cache.k!, cache.v!].filter(Boolean));
  [cache.k, cache.v] = [tf.keep(keys), tf.keep(values)];
  return attend(q!, keys, values, causal && T > 1, p, onWeights);
}

export function crossAttention(
  x: tf.Tensor2D,
  mem: tf.Tensor2D,
  B: number,
  T: number,
  S: number,
  H: number,
  p: AttentionParams & { wq: tf.Tensor; bq: tf.Tensor; wkv: tf.Tensor; bkv: tf.Tensor },
  onWeights?: (w: tf.Tensor4D) => void,
): tf.Tensor2D {
  const [q] = splitHeads(dense(x, p.wq, p.bq), B, T, 1, H);
  const [k, v] = splitHeads(dense(mem, p.wkv, p.bkv), B, S, 2, H);
  return attend(q!, k!, v!, false, p, onWeights);
}

export function feedForward(x: tf.Tensor2D, p: { w1: tf.Tensor; b1: tf.Tensor; w2: tf.Tensor; b2: tf.Tensor }): tf.Tensor2D {
  return dense(dense(x, p.w1, p.b1, true), p.w2, p.b2);
}
