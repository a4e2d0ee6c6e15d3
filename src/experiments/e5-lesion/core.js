// @ts-check
/**
 * E5: a lesion study (Vei16). Train a residual model until its loss is below a target, then delete one
 * block at a time (replace it by the identity) and measure what is left of the accuracy. Optionally the
 * same for a model without residual connections, on the same step budget.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, targetLoss: number, lr: number, withoutResiduals: boolean }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = { 'residual (Pre-LN)': { connection: 'residual', norm: 'pre' } }; // x + F(LN(x))
  if (params.withoutResiduals) variants['no residual (LN only)'] = { connection: 'none', norm: 'post' }; // LN(F(x))
  const n = Object.keys(variants).length;
  /** @type {Record<string, { stepsToTarget: number | null, intact: number, lesioned: number[], trainLoss: number }>} */
  const accuracy = {};
  for (const [i, [name, options]] of Object.entries(variants).entries()) {
    const model = lab.model(task, { ...options, nLayers: params.layers, dModel: params.width, seed: ctx.seed });
    const result = await lab.trainToTarget(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed }, {
      targetLoss: params.targetLoss,
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / n, message: `${name}: step ${p.step}, loss ${p.loss.toFixed(2)}` }),
    });
    ctx.signal?.throwIfAborted();
    const intact = lab.accuracy(model, task);
    const lesioned = [];
    for (let l = 0; l < params.layers; l++) lesioned.push(lab.accuracy(model, task, { lesion: [`dec.${l}`] }));
    accuracy[name] = { stepsToTarget: result.stepsToTarget, intact, lesioned, trainLoss: result.loss.at(-1) ?? NaN };
    model.dispose();
  }
  return { ...params, chance: 1 / 8, accuracy }; // 8 equally likely symbols
}
