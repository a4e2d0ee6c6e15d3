// @ts-check
/**
 * E1: the gradient norm of every block at initialization, for five ways of wrapping each sublayer, and
 * the last block's gradient norm as the stack gets deeper (Post-LN vs Pre-LN, as in Xio20 Fig. 3).
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, depths: number[], batchSize: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = {
    'post-ln': { connection: 'residual', norm: 'post' }, // LN(x + F(x)), as in Vas17
    'pre-ln': { connection: 'residual', norm: 'pre' }, // x + F(LN(x))
    'residual-no-norm': { connection: 'residual', norm: 'none' }, // x + F(x)
    'norm-no-residual': { connection: 'none', norm: 'post' }, // LN(F(x))
    'neither': { connection: 'none', norm: 'none' }, // F(x)
  };
  const task = lab.task('reverse');
  const jobs = Object.keys(variants).length + 2 * params.depths.length;
  let done = 0;
  /** Gradient norm per block of a fresh model: one batch, one backward pass, no training. */
  const gradientsAtInit = async (/** @type {string} */ variant, /** @type {number} */ layers) => {
    await lab.checkpoint(ctx.signal); // each piece is synchronous: let a Cancel in between
    ctx.onProgress?.({ fraction: done++ / jobs, message: `${variant}, ${layers} layers` });
    const model = lab.model(task, { ...variants[variant], nLayers: layers, seed: ctx.seed });
    try {
      return lab.gradientNorms(model, task, { seed: ctx.seed, batchSize: params.batchSize }).norms;
    } finally {
      model.dispose();
    }
  };
  /** @type {Record<string, number[]>} */
  const perLayer = {};
  for (const variant of Object.keys(variants)) perLayer[variant] = await gradientsAtInit(variant, params.layers);
  const lastLayer = { 'post-ln': /** @type {number[]} */ ([]), 'pre-ln': /** @type {number[]} */ ([]) };
  for (const depth of params.depths) {
    for (const variant of /** @type {const} */ (['post-ln', 'pre-ln'])) lastLayer[variant].push((await gradientsAtInit(variant, depth)).at(-1) ?? NaN);
  }
  return { layers: params.layers, perLayer, depths: params.depths, lastLayer };
}
