// @ts-check
// DeepNorm (Wang et al., DeepNet, arXiv 2203.00555): y = LayerNorm(α·x + F(x)), Post-LN with the stream up-weighted,
// together with a down-scaled init: the weights that produce F's output (value projection, attention output, both
// feed-forward matrices) start at β times their Glorot init. For a decoder-only stack of N layers α = (2N)^(1/4) and
// β = (8N)^(-1/4), as the authors' implementation sets them (microsoft/torchscale, torchscale/architecture/decoder.py:
// alpha = (2·decoder_layers)^(1/4); fc1, fc2, out_proj and v_proj divided by (8·decoder_layers)^(1/4)). These are
// the decoder-only constants: an encoder–decoder model has others (the same file: 3M and 12M for a decoder of M layers).

/** @type {import('../custom-block').ParamsFn} */
export function params({ d }) {
  return { g: { shape: [d], init: 'ones' }, b: { shape: [d], init: 'zeros' } };
}

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F, p, { nLayers }) {
  const alpha = (2 * nLayers) ** (1 / 4);
  return layerNorm(tf, tf.add(tf.mul(x, alpha), F(x)), p.g, p.b);
}

/**
 * β: the lab multiplies those weights' seeded init by it when it creates the model (custom-block.ts).
 * @type {import('../custom-block').GainFn}
 */
export function branchInitGain({ nLayers }) {
  return (8 * nLayers) ** (-1 / 4);
}

/**
 * LayerNorm over each token's features (Ba et al. 2016): (h − mean) / √(variance + 1e-5) · g + b.
 * @type {import('../custom-block').NormHelper}
 */
function layerNorm(tf, h, g, b) {
  const { mean, variance } = tf.moments(h, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b);
}
