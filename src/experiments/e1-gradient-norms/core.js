// @ts-check
/**
 * E1: gradients of an untrained stack for five ways of wrapping each sublayer: ‖∂loss/∂x_l‖, the gradient
 * reaching the stream at the input (index 0) and after each block l, and ‖∂loss/∂θ‖ of each block's weights;
 * then the last block's weight gradient as the stack gets deeper (Post-LN vs Pre-LN, as in Xio20 Fig. 3).
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, depths: number[], batchSize: number }} params
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
  /** One batch, one backward pass on a fresh model, no training: both gradients, or the weights' only. */
  const gradientsAtInit = async (/** @type {string} */ variant, /** @type {number} */ layers, stream = true) => {
    await lab.checkpoint(ctx.signal); // each piece is synchronous: let a Cancel in between
    ctx.onProgress?.({ fraction: done++ / jobs, message: `${variant}, ${layers} layers` });
    const model = lab.model(task, { ...variants[variant], nLayers: layers, dModel: params.width, seed: ctx.seed });
    const batch = { seed: ctx.seed, batchSize: params.batchSize };
    try {
      return { weights: lab.gradientNorms(model, task, batch).norms, stream: stream ? lab.streamGradients(model, task, batch).norms : [] };
    } finally {
      model.dispose();
    }
  };
  /** @type {Record<string, number[]>} */ const perLayer = {};
  /** @type {Record<string, number[]>} */ const streamGradient = {};
  for (const variant of Object.keys(variants)) ({ weights: perLayer[variant], stream: streamGradient[variant] } = await gradientsAtInit(variant, params.layers));
  const lastLayer = { 'post-ln': /** @type {number[]} */ ([]), 'pre-ln': /** @type {number[]} */ ([]) };
  for (const depth of params.depths) {
    for (const variant of /** @type {const} */ (['post-ln', 'pre-ln'])) lastLayer[variant].push((await gradientsAtInit(variant, depth, false)).weights.at(-1) ?? NaN);
  }
  return { layers: params.layers, width: params.width, streamGradient, perLayer, depths: params.depths, lastLayer };
}
