// @ts-check
/**
 * E5: a lesion study (Vei16). Train a model with residual connections and one without, then delete one
 * block at a time (replace it by the identity) and measure what is left of the accuracy.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, steps: number, lr: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = {
    'residual (Pre-LN)': { connection: 'residual', norm: 'pre' }, // x + F(LN(x))
    'no residual (LN only)': { connection: 'none', norm: 'post' }, // LN(F(x))
  };
  /** @type {Record<string, { intact: number, lesioned: number[], trainLoss: number }>} */
  const accuracy = {};
  for (const [i, [name, options]] of Object.entries(variants).entries()) {
    const model = lab.model(task, { ...options, nLayers: params.layers, seed: ctx.seed });
    const result = await lab.train(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed }, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / 2, message: `${name}: step ${p.step}, loss ${p.loss.toFixed(2)}` }),
    });
    ctx.signal?.throwIfAborted();
    const intact = lab.accuracy(model, task);
    const lesioned = [];
    for (let l = 0; l < params.layers; l++) lesioned.push(lab.accuracy(model, task, { lesion: [`dec.${l}`] }));
    accuracy[name] = { intact, lesioned, trainLoss: result.history.loss.at(-1) ?? NaN };
    model.dispose();
  }
  return { ...params, chance: 1 / 8, accuracy }; // 8 equally likely symbols
}
