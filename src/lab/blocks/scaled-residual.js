// @ts-check
// A fixed down-scaled branch, no normalization: y = x + F(x)/√(2N), N the number of blocks (2N sublayers), so the
// 2N branches together add about as much as one. GPT-2 (Radford et al. 2019) scales the residual layers' weights
// at init by 1/√N instead (N residual layers); at init the two give the same branch output.

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F, p, { nLayers }) {
  return tf.add(x, tf.mul(F(x), 1 / Math.sqrt(2 * nLayers)));
}
