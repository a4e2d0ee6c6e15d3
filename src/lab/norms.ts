// The norms a sublayer wrapper can use, on activations kept 2-D [batch·time, d]. LayerNorm runs on its fused
// kernel (layers.ts); RMSNorm and BatchNorm are plain tf ops, differentiated by TF.js's autodiff.
import * as tf from '@tensorflow/tfjs-core';
import type { NormKind } from './config';
import { layerNorm, LN_EPSILON } from './layers';

// #region rms-norm
/**
 * RMSNorm (Zhang & Sennrich 2019), each token (row of x) over its features: x / √(mean(x²) + ε) · g.
 * No mean is subtracted and there is no bias: only the scale of the token is normalized.
 */
export function rmsNorm(x: tf.Tensor2D, g: tf.Tensor, eps = LN_EPSILON): tf.Tensor2D {
  const meanSquare = tf.mean(tf.square(x), -1, true);
  return tf.mul(tf.div(x, tf.sqrt(tf.add(meanSquare, eps))), g);
}
// #endregion rms-norm

// #region batch-norm
/**
 * BatchNorm (Ioffe & Szegedy 2015) over axis 0 of x [batch·time, d]: each feature over every token of every
 * sequence in the batch, (x − mean) / √(variance + ε) · g + b, with the statistics of the batch at hand (training
 * mode). A token's output depends on every other token of the batch, including later tokens of its own sequence.
 */
export function batchNorm(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor, eps = LN_EPSILON): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, 0, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), g), b);
}
// #endregion batch-norm

/** The norm of a given kind with gain g and bias b (RMSNorm has no bias: b is ignored). */
export function normalize(kind: NormKind, x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor | undefined): tf.Tensor2D {
  switch (kind) {
    case 'layer':
      return layerNorm(x, g, b!);
    case 'rms':
      return rmsNorm(x, g);
    case 'batch':
      return batchNorm(x, g, b!);
  }
}
