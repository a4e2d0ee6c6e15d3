// @ts-check
// Pre-LN (Xiong et al. 2020): y = x + F(LayerNorm(x)). The stream itself is never normalized, so one more
// LayerNorm sits after the last block, before the output layer.

/** @type {import('../custom-block').ParamsFn} */
export function params({ d }) {
  return { g: { shape: [d], init: 'ones' }, b: { shape: [d], init: 'zeros' } };
}

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F, p) {
  return tf.add(x, F(layerNorm(tf, x, p.g, p.b)));
}

export const finalParams = params;

/** @type {import('../custom-block').FinalNormFn} */
export function finalNorm(tf, x, p) {
  return layerNorm(tf, x, p.g, p.b);
}

/**
 * LayerNorm over each token's features (Ba et al. 2016): (h − mean) / √(variance + 1e-5) · g + b.
 * @type {import('../custom-block').NormHelper}
 */
function layerNorm(tf, h, g, b) {
  const { mean, variance } = tf.moments(h, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b);
}
