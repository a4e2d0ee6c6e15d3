// @ts-check
// Post-LN, the original Transformer's Add & Norm (Vaswani et al. 2017, §3.1): y = LayerNorm(x + F(x)).
// No norm after the last block: the stream leaves each block already normalized.

/** @type {import('../custom-block').ParamsFn} */
export function params({ d }) {
  return { g: { shape: [d], init: 'ones' }, b: { shape: [d], init: 'zeros' } };
}

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F, p) {
  return layerNorm(tf, tf.add(x, F(x)), p.g, p.b);
}

/**
 * LayerNorm over each token's features (Ba et al. 2016): (h − mean) / √(variance + 1e-5) · g + b.
 * @type {import('../custom-block').NormHelper}
 */
function layerNorm(tf, h, g, b) {
  const { mean, variance } = tf.moments(h, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b);
}
