// @ts-check
/**
 * E11: for Post-LN, Pre-LN and LayerNorm without residual, one batch and one backward pass on a fresh stack of
 * each depth: ‖∂loss/∂x_l‖, the gradient reaching the stream at the input (index 0) and after each block, and
 * ‖∂loss/∂θ‖ of each block's weights. No training: the gradients a stack starts from.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ width: number, depths: number[], batchSize: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = {
    'post-ln': { connection: 'residual', norm: 'post' }, // LN(x + F(x)), as in Vas17
    'pre-ln': { connection: 'residual', norm: 'pre' }, // x + F(LN(x)), and a final LN
    'norm-no-residual': { connection: 'none', norm: 'post' }, // LN(F(x))
  };
  const task = lab.task('reverse');
  const batch = { seed: ctx.seed, batchSize: params.batchSize };
  /** @type {Record<string, number[][]>} */ const streamGradient = {};
  /** @type {Record<string, number[][]>} */ const perLayer = {};
  /** @type {Record<string, number[]>} */ const inputToTop = {};
  let done = 0;
  for (const [name, options] of Object.entries(variants)) {
    for (const layers of params.depths) {
      await lab.checkpoint(ctx.signal); // each measurement is synchronous: let a Cancel in between
      ctx.onProgress?.({ fraction: done++ / (3 * params.depths.length), message: `${name}, ${layers} layers` });
      const model = lab.model(task, { ...options, nLayers: layers, dModel: params.width, seed: ctx.seed });
      try {
        const stream = lab.streamGradients(model, task, batch).norms;
        (streamGradient[name] ??= []).push(stream);
        (perLayer[name] ??= []).push(lab.gradientNorms(model, task, batch).norms);
        (inputToTop[name] ??= []).push(stream[0] / stream[stream.length - 1]);
      } finally {
        model.dispose();
      }
    }
  }
  return { width: params.width, depths: params.depths, streamGradient, perLayer, inputToTop };
}
