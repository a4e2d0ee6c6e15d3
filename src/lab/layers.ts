// Layers on TF.js core ops, on activations kept 2-D [batch·time, d]: LayerNorm (Ba16), multi-head
// attention with fused Q/K/V projection and heads batched by reshape/transpose (Vas17 §3.2), ReLU FFN.
import * as tf from '@tensorflow/tfjs-core';

export const LN_EPSILON = 1e-5;

type CustomGradientFunc = Parameters<typeof tf.customGrad>[0];

/**
 * Column sums of a 2-D tensor, [N, n] → [n], as ones[1, N]·x: on WASM a plain matMul is ~4-15× faster
 * than tf.sum over axis 0, which transposes first.
 */
export function sumRows(x: tf.Tensor): tf.Tensor1D {
  const [N, n] = x.shape as [number, number];
  return tf.reshape(tf.matMul(tf.ones([1, N]) as tf.Tensor2D, x as tf.Tensor2D), [n]) as tf.Tensor1D;
}

/**
 * LayerNorm over the last axis: x̂ = (x − mean)/√(var + ε), y = x̂·g + b. The backward pass is written out
 * (dx = inv·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), dx̂ = dy·g) because autodiff of moments takes ~3× the ops.
 */
const layerNormOp = tf.customGrad(((x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  const { mean, variance } = tf.moments(x, -1, true);
  const inv = tf.rsqrt(tf.add(variance, LN_EPSILON));
  const xhat = tf.mul(tf.sub(x, mean), inv);
  save([xhat, inv, g]);
  return {
    value: tf.add(tf.mul(xhat, g), b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xh, iv, gs] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
      const dxhat = tf.mul(dy, gs);
      const dx = tf.mul(iv, tf.sub(tf.sub(dxhat, tf.mean(dxhat, -1, true)), tf.mul(xh, tf.mean(tf.mul(dxhat, xh), -1, true))));
      return [dx, sumRows(tf.mul(dy, xh)), sumRows(dy)];
    },
  };
}) as unknown as CustomGradientFunc);

export function layerNorm(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return layerNormOp(x, g, b) as tf.Tensor2D;
}

/*
 * Why custom gradients: TF.js WASM runs a matMul with transposeA or transposeB through a naive loop
 * (measured up to ~100x slower than the XNNPACK path for plain matMuls), and the built-in gradients of
 * matMul use exactly those flags. Here backward passes transpose explicitly and multiply plainly.
 */
const denseOp = (relu: boolean) =>
  tf.customGrad(((x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
    const y = tf.fused.matMul({ a: x as tf.Tensor2D, b: w as tf.Tensor2D, bias: b, activation: relu ? 'relu' : 'linear' });
    save(relu ? [x, w, y] : [x, w]); // each saved tensor is copied: keep y only where ReLU's gradient needs it
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws, ys] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D?];
        const g = relu ? tf.mul(dy, tf.step(ys!)) : (dy as tf.Tensor2D);
        return [tf.matMul(g, tf.transpose(ws)), tf.matMul(tf.transpose(xs), g), sumRows(g)];
      },
    };
  }) as unknown as CustomGradientFunc);
const denseLinear = denseOp(false);
const denseRelu = denseOp(true);

/** x·W + b (+ ReLU) as one fused op, with a WASM-friendly backward pass. */
export function dense(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor, relu = false): tf.Tensor2D {
  return (relu ? denseRelu : denseLinear)(x, w, b) as tf.Tensor2D;
}

/** a·b for 2-D tensors, with a backward pass free of transposed matMuls. */
export const matMul2d = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([a, b]);
  return {
    value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [as, bs] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(bs)), tf.matMul(tf.transpose(as), dy as tf.Tensor2D)];
    },
  };
}) as unknown as CustomGradientFunc) as unknown as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/** Additive causal mask [T, T]: 0 on and below the diagonal, −1e9 above. */
export function causalMask(T: number): tf.Tensor2D {
  const lower = tf.linalg.bandPart(tf.ones([T, T]), -1, 0);
  return tf.mul(tf.sub(1, lower), -1e9) as tf.Tensor2D;
}

/** [B·T, n·d] → n tensors [B, H, T, dh] (one reshape, one transpose, one split). */
function splitHeads(x: tf.Tensor2D, B: number, T: number, n: number, H: number): tf.Tensor4D[] {
  const dh = x.shape[1] / n / H;
  const t = tf.transpose(tf.reshape(x, [B, T, n * H, dh]), [0, 2, 1, 3]); // [B, nH, T, dh]
  return n === 1 ? [t as tf.Tensor4D] : (tf.split(t, n, 1) as tf.Tensor4D[]);
}

export interface AttentionParams {
  wo: tf.Tensor;
  bo: tf.Tensor;
}

/**
 * Scaled dot-product attention of q [B,H,Tq,dh] over k,v [B,H,Tk,dh], merged back to [B·Tq, d] and
 * projected by wo. onWeights receives the attention weights [B,H,Tq,Tk] (for attention maps).
 */
function attend(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, mask: tf.Tensor2D | null, p: AttentionParams, onWeights?: (w: tf.Tensor4D) => void): tf.Tensor2D {
  const [B, H, Tq, dh] = q.shape;
  let scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh));
  if (mask) scores = tf.add(scores, mask);
  const weights = tf.softmax(scores) as tf.Tensor4D;
  onWeights?.(weights);
  const out = tf.reshape(tf.transpose(tf.matMul(weights, v), [0, 2, 1, 3]), [B * Tq, H * dh]) as tf.Tensor2D;
  return dense(out, p.wo, p.bo);
}

export function selfAttention(
  x: tf.Tensor2D, B: number, T: number, H: number,
  p: AttentionParams & { wqkv: tf.Tensor; bqkv: tf.Tensor }, mask: tf.Tensor2D | null, onWeights?: (w: tf.Tensor4D) => void,
): tf.Tensor2D {
  const [q, k, v] = splitHeads(dense(x, p.wqkv, p.bqkv), B, T, 3, H);
  return attend(q!, k!, v!, mask, p, onWeights);
}

export function crossAttention(
  x: tf.Tensor2D, mem: tf.Tensor2D, B: number, T: number, S: number, H: number,
  p: AttentionParams & { wq: tf.Tensor; bq: tf.Tensor; wkv: tf.Tensor; bkv: tf.Tensor }, onWeights?: (w: tf.Tensor4D) => void,
): tf.Tensor2D {
  const [q] = splitHeads(dense(x, p.wq, p.bq), B, T, 1, H);
  const [k, v] = splitHeads(dense(mem, p.wkv, p.bkv), B, S, 2, H);
  return attend(q!, k!, v!, null, p, onWeights);
}

export function feedForward(x: tf.Tensor2D, p: { w1: tf.Tensor; b1: tf.Tensor; w2: tf.Tensor; b2: tf.Tensor }): tf.Tensor2D {
  return dense(dense(x, p.w1, p.b1, true), p.w2, p.b2);
}
