// @ts-check
// ReZero (Bachlechner et al., arXiv 2003.04887): y = x + α·F(x) with α a learned scalar per sublayer, started at 0,
// and no LayerNorm: at initialization every block is the identity.

/** @type {import('../custom-block').ParamsFn} */
export function params() {
  return { alpha: { shape: [1], init: 0 } };
}

/** @type {import('../custom-block').BlockFn} */
export function block(tf, x, F, p) {
  return tf.add(x, tf.mul(p.alpha, F(x)));
}
