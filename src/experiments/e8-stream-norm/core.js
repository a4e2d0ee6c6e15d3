// @ts-check
/**
 * E8: the residual stream's size by depth. The mean token norm ‖x‖ entering the stack and after each
 * block of an untrained 12-layer model: without a norm on the stream, each block adds its own variance.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, batchSize: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = {
    'residual, no norm': { connection: 'residual', norm: 'none' }, // x + F(x)
    'Pre-LN': { connection: 'residual', norm: 'pre' }, // x + F(LN(x)): the stream itself is never normalized
    'Post-LN': { connection: 'residual', norm: 'post' }, // LN(x + F(x))
  };
  /** @type {Record<string, number[]>} */
  const streamNorm = {};
  for (const [name, options] of Object.entries(variants)) {
    ctx.signal?.throwIfAborted();
    const model = lab.model(task, { ...options, nLayers: params.layers, seed: ctx.seed });
    streamNorm[name] = lab.probe(model, task, { seed: ctx.seed, batchSize: params.batchSize }).streamNorm;
    model.dispose();
    ctx.onProgress?.({ fraction: Object.keys(streamNorm).length / 3, message: name });
  }
  // Index 0 is the input (embedding + positions), index l the output of block l.
  return { layers: params.layers, streamNorm };
}
