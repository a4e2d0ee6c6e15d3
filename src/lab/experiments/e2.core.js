// @ts-check
/**
 * E2: steps to a target loss at 6 layers for five ways of wrapping each sublayer, the operations each
 * step costs, and a higher learning rate with and without warmup for Post-LN and Pre-LN.
 * @param {import('./facade').LabFacade} lab
 * @param {{ layers: number, steps: number, targetLoss: number, lr: number, highLr: number, warmupSteps: number }} params
 * @param {import('./define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  /** @type {Record<string, import('./facade').ModelOptions>} */
  const variants = {
    'post-ln': { connection: 'residual', norm: 'post' }, 'pre-ln': { connection: 'residual', norm: 'pre' },
    'residual-no-norm': { connection: 'residual', norm: 'none' }, 'norm-no-residual': { connection: 'none', norm: 'post' },
    'neither': { connection: 'none', norm: 'none' },
  };
  const { lr, highLr, warmupSteps, targetLoss } = params;
  const plan = [
    ...Object.keys(variants).map((variant) => ({ variant, lr, warmupSteps })),
    { variant: 'post-ln', lr: highLr, warmupSteps: 0 }, { variant: 'post-ln', lr: highLr, warmupSteps }, { variant: 'pre-ln', lr: highLr, warmupSteps: 0 },
  ];
  const task = lab.task('reverse');
  const runs = [];
  /** @type {Record<string, number>} */
  const opsPerStep = {};
  for (const [i, { variant, lr, warmupSteps }] of plan.entries()) {
    const model = lab.model(task, { ...variants[variant], nLayers: params.layers, seed: ctx.seed });
    if (i < 5) opsPerStep[variant] = await lab.opsPerStep(model, task);
    const { stepsToTarget, outcome, loss } = await lab.trainToTarget(model, task, { steps: params.steps, lr, warmupSteps, seed: ctx.seed }, {
      targetLoss, signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / plan.length, message: `${variant}, lr ${lr}${warmupSteps ? ' + warmup' : ''}: step ${p.step}, loss ${p.loss.toFixed(2)}` }),
    });
    model.dispose();
    ctx.signal?.throwIfAborted();
    runs.push({ variant, lr, warmupSteps, stepsToTarget, status: outcome, loss });
  }
  /** @type {Record<string, import('./facade').StepTiming>} */
  const timing = {}; // wall-clock: shown, never compared or asserted
  for (const variant of ['post-ln', 'pre-ln']) {
    const model = lab.model(task, { ...variants[variant], nLayers: params.layers, seed: ctx.seed });
    timing[variant] = await lab.timeStep(model, task, { lr });
    model.dispose();
  }
  return { ...params, runs, opsPerStep, timing };
}
