// @ts-check
/**
 * E4: ways to merge a sublayer's output F(x) with its input x — addition (residual), concatenation +
 * projection back to d (its 2d × d projection started at random, or at [I; I], where [x, F]·[I; I] = x + F,
 * so it starts as exactly an addition), a highway gate, or nothing — compared by weights, gradient flow and
 * the steps each needs to reach a target training loss.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, targetLoss: number, lr: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const merges = {
    'residual': { connection: 'residual' },
    'concat (random)': { connection: 'concat', concatInit: 'glorot' },
    'concat ([I; I])': { connection: 'concat', concatInit: 'identity' },
    'highway': { connection: 'highway' },
    'none': { connection: 'none' },
  };
  const results = [];
  for (const [i, [name, options]] of Object.entries(merges).entries()) {
    const model = lab.model(task, { ...options, norm: 'pre', nLayers: params.layers, dModel: params.width, seed: ctx.seed });
    const parameters = lab.countParams(model);
    const gradients = lab.gradientNorms(model, task, { seed: ctx.seed }).norms; // at initialization
    // Stops at the target: the budget only bounds the runs that never get there.
    const { stepsToTarget, loss } = await lab.trainToTarget(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed }, {
      targetLoss: params.targetLoss, signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / 5, message: `${name}: step ${p.step}, loss ${p.loss.toFixed(2)}` }),
    });
    model.dispose();
    ctx.signal?.throwIfAborted();
    results.push({ connection: name, parameters, gradients, stepsToTarget, loss });
  }
  return { ...params, dModel: params.width, sublayers: 2 * params.layers, results };
}
