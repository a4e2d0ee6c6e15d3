// What the lab's fused kernels compute, written with the public tf API only, for readers (shown in the answers
// next to the sublayer wrapper) and for tests (tests/unit/lab/reference.test.ts checks each against the kernel).
// The lab itself runs the kernels (src/lab/kernels/): one kernel each way instead of about ten.
import * as tf from '@tensorflow/tfjs-core';

// #region layer-norm-reference
/**
 * LayerNorm over the last axis (Ba et al. 2016), each token (row of x) over its features:
 * (x − mean) / √(variance + eps) · gamma + beta.
 */
export function layerNormReference(x: tf.Tensor2D, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  const normalized = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps)));
  return tf.add(tf.mul(normalized, gamma), beta);
}
// #endregion layer-norm-reference
