// @ts-check
/**
 * E4: four ways to merge a sublayer's output F(x) with its input x — addition (residual), concatenation
 * + projection back to d, a highway gate, or nothing — compared by weights, gradient flow and training.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, steps: number, targetLoss: number, lr: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  const connections = /** @type {const} */ (['residual', 'concat', 'highway', 'none']);
  const results = [];
  let dModel = 0;
  for (const [i, connection] of connections.entries()) {
    const model = lab.model(task, { connection, norm: 'pre', nLayers: params.layers, seed: ctx.seed });
    dModel = model.config.dModel;
    const parameters = lab.countParams(model);
    const gradients = lab.gradientNorms(model, task, { seed: ctx.seed }).norms; // at initialization
    const { stepsToTarget, loss } = await lab.trainToTarget(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed }, {
      targetLoss: params.targetLoss, signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / connections.length, message: `${connection}: step ${p.step}, loss ${p.loss.toFixed(2)}` }),
    });
    model.dispose();
    ctx.signal?.throwIfAborted();
    results.push({ connection, parameters, gradients, stepsToTarget, loss });
  }
  return { ...params, dModel, sublayers: 2 * params.layers, results };
}
