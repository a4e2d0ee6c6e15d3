// @ts-check
// Post-LN without the residual add: y = LayerNorm(F(x)). Each block's input reaches the next only through F.

/** @type {import('../custom-block').ParamsFn} */
export function params({ d }) {
  return { g: { shape: [d], init: 'ones' }, b: { shape: [d], init: 'zeros' } };
}

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F, p) {
  return layerNorm(tf, F(x), p.g, p.b);
}

/**
 * LayerNorm over each token's features (Ba et al. 2016): (h − mean) / √(variance + 1e-5) · g + b.
 * @type {import('../custom-block').NormHelper}
 */
function layerNorm(tf, h, g, b) {
  const { mean, variance } = tf.moments(h, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b);
}
