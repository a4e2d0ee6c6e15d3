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

/** A BatchNorm's per-feature mean and variance ([1, d] each). */
export interface BatchStats {
  mean: tf.Tensor;
  variance: tf.Tensor;
}

/**
 * BatchNorm with given statistics instead of the batch's: inference with running statistics, where a token's output
 * no longer depends on the rest of the batch.
 */
export function batchNormWith(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor, stats: BatchStats, eps = LN_EPSILON): tf.Tensor2D {
  return tf.add(tf.mul(tf.div(tf.sub(x, stats.mean), tf.sqrt(tf.add(stats.variance, eps))), g), b);
}

/**
 * What a forward pass does with BatchNorm's statistics: record each site's batch statistics (kept tensors, disposed by
 * the caller), or normalize with given ones (by site: 'dec.0.self', …, 'dec.final').
 */
export type BatchStatsMode = { record: Map<string, BatchStats[]> } | { use: ReadonlyMap<string, BatchStats> };

/** The BatchNorm of one site under a statistics mode (undefined: the plain norm of the kind applies). */
export function siteNorm(
  kind: NormKind,
  site: string,
  mode: BatchStatsMode | undefined,
  g: tf.Tensor | undefined,
  b: tf.Tensor | undefined,
): ((x: tf.Tensor2D) => tf.Tensor2D) | undefined {
  if (kind !== 'batch' || !mode || !g || !b) return undefined;
  return (x) => {
    if ('use' in mode) {
      const stats = mode.use.get(site);
      if (!stats) throw new Error(`no BatchNorm statistics for ${site}`);
      return batchNormWith(x, g, b, stats);
    }
    const { mean, variance } = tf.moments(x, 0, true);
    const list = mode.record.get(site) ?? [];
    list.push({ mean: tf.keep(mean), variance: tf.keep(variance) });
    mode.record.set(site, list);
    return batchNormWith(x, g, b, { mean, variance });
  };
}

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
