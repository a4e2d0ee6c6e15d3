// @ts-check
/**
 * E2: steps to a target loss at 6 layers for five ways of wrapping each sublayer, the operations each
 * step costs, and a higher learning rate with and without warmup for Post-LN and Pre-LN.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, steps: number, targetLoss: number, lr: number, highLr: number, warmupSteps: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = {
    'post-ln': { connection: 'residual', norm: 'post' }, 'pre-ln': { connection: 'residual', norm: 'pre' },
    'residual-no-norm': { connection: 'residual', norm: 'none' }, 'norm-no-residual': { connection: 'none', norm: 'post' },
    'neither': { connection: 'none', norm: 'none' },
  };
  const { lr, highLr, warmupSteps, targetLoss, layers: nLayers, steps } = params;
  const plan = [
    ...Object.keys(variants).map((variant) => ({ variant, lr, warmupSteps })),
    { variant: 'post-ln', lr: highLr, warmupSteps: 0 }, { variant: 'post-ln', lr: highLr, warmupSteps }, { variant: 'pre-ln', lr: highLr, warmupSteps: 0 },
  ];
  const task = lab.task('reverse');
  /** @type {[Record<string, number>, Record<string, import('~/lab/facade').StepTiming>]} */
  const [opsPerStep, timing] = [{}, {}]; // timing is wall-clock: shown, never compared or asserted
  ctx.onProgress?.({ fraction: 0, message: 'counting the operations of a step and timing one, per variant' });
  for (const variant of Object.keys(variants)) {
    const model = lab.model(task, { ...variants[variant], nLayers, seed: ctx.seed });
    opsPerStep[variant] = await lab.opsPerStep(model, task);
    if (variant === 'post-ln' || variant === 'pre-ln') timing[variant] = await lab.timeStep(model, task, { lr });
    model.dispose();
  }
  // Eight independent trainings from the same seed: in the page they share out over the reader's cores.
  const jobs = plan.map((p) => ({ task: /** @type {const} */ ('reverse'), model: { ...variants[p.variant], nLayers, seed: ctx.seed }, config: { steps, lr: p.lr, warmupSteps: p.warmupSteps, seed: ctx.seed }, targetLoss }));
  const share = plan.map(() => 0);
  const results = await lab.trainManyToTarget(jobs, {
    signal: ctx.signal,
    onProgress: (p) => {
      share[p.job] = p.finished ? 1 : p.step / p.steps;
      const { variant, lr, warmupSteps } = plan[p.job];
      ctx.onProgress?.({ fraction: share.reduce((a, b) => a + b) / plan.length, message: `${variant}, lr ${lr}${warmupSteps ? ' + warmup' : ''}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
    },
  });
  const runs = plan.map((p, i) => ({ ...p, stepsToTarget: results[i].stepsToTarget, status: results[i].outcome, loss: results[i].loss }));
  return { ...params, runs, opsPerStep, timing };
}
