// @ts-check
/**
 * E4: ways to merge a sublayer's output F(x) with its input x — addition (residual), concatenation +
 * projection back to d (its 2d × d projection started at random, or at [I; I], where [x, F]·[I; I] = x + F,
 * so it starts as exactly an addition), a highway gate, or nothing — compared by weights, gradient flow and
 * the steps each needs to reach a target training loss.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, targetLoss: number, lr: number, highwayAndNone: boolean }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const merges = {
    'residual': { connection: 'residual' },
    'concat (random)': { connection: 'concat', concatInit: 'glorot' },
    'concat ([I; I])': { connection: 'concat', concatInit: 'identity' },
    ...(params.highwayAndNone ? { 'highway': { connection: 'highway' }, 'none': { connection: 'none' } } : {}),
  };
  const names = Object.keys(merges);
  const modelOptions = (/** @type {string} */ name) => ({ ...merges[name], norm: /** @type {const} */ ('pre'), nLayers: params.layers, dModel: params.width, seed: ctx.seed });
  // Weights and gradient flow at initialization, here; then the trainings, which share out over the reader's cores.
  const atInit = names.map((name) => {
    const model = lab.model(task, modelOptions(name));
    const measured = { parameters: lab.countParams(model), gradients: lab.gradientNorms(model, task, { seed: ctx.seed }).norms };
    model.dispose();
    return measured;
  });
  // The slowest training starts first (no connection, else concatenation from random weights); the others share the other cores.
  const first = params.highwayAndNone ? 'none' : 'concat (random)';
  const order = [first, ...names.filter((name) => name !== first)];
  // Each stops at the target: the budget only bounds the runs that never get there.
  const jobs = order.map((name) => ({ task: /** @type {const} */ ('reverse'), model: modelOptions(name), config: { steps: params.steps, lr: params.lr, seed: ctx.seed }, targetLoss: params.targetLoss }));
  const runs = await lab.trainManyToTarget(jobs, {
    signal: ctx.signal,
    onProgress: (p) => {
      ctx.onProgress?.({ fraction: p.fraction, message: `${order[p.job]}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
    },
  });
  const results = names.map((name, i) => {
    const { stepsToTarget, loss } = runs[order.indexOf(name)];
    return { connection: name, ...atInit[i], stepsToTarget, loss };
  });
  return { ...params, dModel: params.width, sublayers: 2 * params.layers, results };
}
