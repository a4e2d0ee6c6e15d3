// @ts-check
// Sandwich-LN (Ding et al., CogView, arXiv 2105.13290): Pre-LN with a second LayerNorm on the branch's output,
// y = x + LayerNorm₂(F(LayerNorm₁(x))), so no branch can add more than a normalized update; final LayerNorm as Pre-LN.

/** @type {import('../custom-block').ParamsFn} */
export function params({ d }) {
  return {
    g1: { shape: [d], init: 'ones' },
    b1: { shape: [d], init: 'zeros' },
    g2: { shape: [d], init: 'ones' },
    b2: { shape: [d], init: 'zeros' },
  };
}

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F, p) {
  return tf.add(x, layerNorm(tf, F(layerNorm(tf, x, p.g1, p.b1)), p.g2, p.b2));
}

/** @type {import('../custom-block').ParamsFn} */
export function finalParams({ d }) {
  return { g: { shape: [d], init: 'ones' }, b: { shape: [d], init: 'zeros' } };
}

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
