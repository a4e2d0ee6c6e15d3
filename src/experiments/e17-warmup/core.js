// @ts-check
/**
 * E17: Post-LN at a high learning rate for a fixed number of steps, with Adam (linear warmup; or Adam-2k: no
 * warmup, but v estimated from vOnlySteps batches before the first update) and with SGD with momentum 0.9 (no
 * adaptive rate), and Pre-LN with SGD at the same rate; each block's gradient norm at initialization.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, adamLr: number, sgdLr: number, warmupSteps: number, vOnlySteps: number, batchSize: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const { layers: nLayers, width: dModel, steps, adamLr, sgdLr, warmupSteps, vOnlySteps, batchSize } = params;
  const adam = { optimizer: /** @type {const} */ ('adam'), lr: adamLr };
  const sgd = { optimizer: /** @type {const} */ ('sgd'), lr: sgdLr, momentum: 0.9 };
  /** @type {[string, 'post' | 'pre', object][]} name, norm placement, optimizer settings */
  const plan = [
    ['Post-LN, Adam, warmup', 'post', { ...adam, warmupSteps }], ['Post-LN, Adam-2k', 'post', { ...adam, vOnlySteps }],
    ['Post-LN, SGD', 'post', sgd], ['Pre-LN, SGD', 'pre', sgd],
  ];
  const task = lab.task('reverse');
  /** @type {Record<string, number[]>} each block's gradient at initialization (one batch, one backward pass) */
  const initGrad = {};
  for (const [name, norm] of [['Post-LN', 'post'], ['Pre-LN', 'pre']]) {
    const model = lab.model(task, { norm: /** @type {'post' | 'pre'} */ (norm), nLayers, dModel, seed: ctx.seed });
    initGrad[name] = lab.gradientNorms(model, task, { seed: ctx.seed, batchSize }).norms;
    model.dispose();
  }
  // Independent trainings from the same initialization and data, each for the whole budget (targetLoss 0 is never
  // reached); in the page they share out over the reader's cores.
  const jobs = plan.map(([, norm, opt]) => ({ task: /** @type {const} */ ('reverse'), model: { norm, nLayers, dModel, seed: ctx.seed }, config: { steps, batchSize, seed: ctx.seed, ...opt }, targetLoss: 0 }));
  const results = await lab.trainManyToTarget(jobs, {
    signal: ctx.signal,
    onProgress: (p) => {
      ctx.onProgress?.({ fraction: p.fraction, message: `${plan[p.job][0]}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
    },
  });
  const runs = Object.fromEntries(plan.map(([name], i) => [name, { diverged: results[i].outcome === 'diverged', loss: results[i].loss }]));
  // The floor: the loss of guessing each answer symbol uniformly (vocabulary minus separator and BOS).
  return { layers: nLayers, width: dModel, steps, adamLr, sgdLr, warmupSteps, vOnlySteps, floor: Math.log(task.vocabSize - 2), runs, initGrad };
}
