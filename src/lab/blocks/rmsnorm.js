// @ts-check
// Pre-RMSNorm (Zhang & Sennrich 2019): y = x + F(RMSNorm(x)), RMSNorm(h) = h / √(mean(h²) + 1e-5) · g: no mean
// subtracted, no bias. One RMSNorm after the last block, as Pre-LN has a LayerNorm there.

/** @type {import('../custom-block').ParamsFn} */
export function params({ d }) {
  return { g: { shape: [d], init: 'ones' } };
}

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F, p) {
  return tf.add(x, F(rmsNorm(tf, x, p.g)));
}

export const finalParams = params;

/** @type {import('../custom-block').FinalNormFn} */
export function finalNorm(tf, x, p) {
  return rmsNorm(tf, x, p.g);
}

/**
 * @param {import('../custom-block').Tf} tf
 * @param {import('@tensorflow/tfjs-core').Tensor2D} h
 * @param {import('@tensorflow/tfjs-core').Tensor} g
 * @returns {import('@tensorflow/tfjs-core').Tensor2D}
 */
function rmsNorm(tf, h, g) {
  return tf.mul(tf.div(h, tf.sqrt(tf.add(tf.mean(tf.square(h), -1, true), 1e-5))), g);
}
