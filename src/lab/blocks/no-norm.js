// @ts-check
// The residual add alone, no normalization anywhere: y = x + F(x).

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F) {
  return tf.add(x, F(x));
}
