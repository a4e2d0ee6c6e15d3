// @ts-check
/**
 * E8: the residual stream by depth in an untrained stack. After each block: the mean token norm ‖x‖ (without
 * a norm on the stream, each block adds its own variance), and each token's coefficient on its own input
 * vector, ⟨x_l, x₀⟩/⟨x₀, x₀⟩: how much of the input the stream still carries.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, batchSize: number, stacks: string }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const notNormalized = {
    'residual, no norm': { connection: 'residual', norm: 'none' }, // x + F(x)
    'Pre-LN': { connection: 'residual', norm: 'pre' }, // x + F(LN(x)): the stream itself is never normalized
  };
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const normalized = {
    'Post-LN': { connection: 'residual', norm: 'post' }, // LN(x + F(x))
    'LayerNorm, no residual': { connection: 'none', norm: 'post' }, // LN(F(x)): what the stream holds without the skip
  };
  const stacks = { all: { ...notNormalized, ...normalized }, 'stream not normalized': notNormalized, 'stream normalized': normalized }[params.stacks] ?? {};
  /** @type {Record<string, number[]>} */ const streamNorm = {};
  /** @type {Record<string, number[]>} */ const inputCoefficient = {};
  for (const [name, options] of Object.entries(stacks)) {
    ctx.signal?.throwIfAborted();
    const model = lab.model(task, { ...options, nLayers: params.layers, dModel: params.width, seed: ctx.seed });
    ({ streamNorm: streamNorm[name], inputCoefficient: inputCoefficient[name] } = lab.probe(model, task, { seed: ctx.seed, batchSize: params.batchSize }));
    model.dispose();
    ctx.onProgress?.({ fraction: Object.keys(streamNorm).length / Object.keys(stacks).length, message: name });
  }
  // Index 0 is the input (embedding + positions), index l the output of block l.
  return { layers: params.layers, width: params.width, streamNorm, inputCoefficient };
}
