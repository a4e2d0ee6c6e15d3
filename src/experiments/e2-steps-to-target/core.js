// @ts-check
/**
 * E2: the training loss over a fixed step budget for six ways of wrapping each sublayer, the share of a step's
 * time spent in the adds and the norms, and a grid of learning rates with and without warmup (Post-LN, Pre-LN).
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, targetLoss: number, lr: number, highLr: number, warmupSteps: number, warmupGrid: string, wrappings: boolean, preLnWarmup: boolean }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = {
    'post-ln': { connection: 'residual', norm: 'post' }, 'pre-ln': { connection: 'residual', norm: 'pre' }, 'residual-no-norm': { connection: 'residual', norm: 'none' },
    // The same with one LayerNorm before the output layer: without it the grown stream saturates the logits.
    'residual-no-norm+final-ln': { connection: 'residual', norm: 'none', finalNorm: true }, 'norm-no-residual': { connection: 'none', norm: 'post' }, 'neither': { connection: 'none', norm: 'none' },
  };
  const { lr, warmupSteps, targetLoss, layers: nLayers, width: dModel, steps } = params;
  const rates = { 'none': [], 'one rate': [1], 'four rates': [0.1, 0.2, 0.5, 1] }[params.warmupGrid]?.map((f) => +(f * params.highLr).toPrecision(6)) ?? [];
  const plan = [
    ...(params.wrappings ? Object.keys(variants) : []).map((variant) => ({ variant, lr, warmupSteps })),
    // Pre-LN with warmup only when asked: no claim reads it.
    ...rates.flatMap((r) => ['post-ln', 'pre-ln'].flatMap((variant) => (variant === 'pre-ln' && !params.preLnWarmup ? [0] : [0, warmupSteps]).map((w) => ({ variant, lr: r, warmupSteps: w })))),
  ];
  const task = lab.task('reverse');
  const timing = /** @type {Record<string, import('~/lab/facade').StepTiming>} */ ({}); // wall-clock: shown, never compared or asserted
  for (const variant of ['post-ln', 'pre-ln']) {
    const model = lab.model(task, { ...variants[variant], nLayers, dModel, seed: ctx.seed });
    timing[variant] = await lab.timeStep(model, task, { lr });
    model.dispose();
  }
  // Independent trainings from the same seed, each for the whole budget (targetLoss 0 is never reached), so
  // every loss at every step is known; in the page they share out over the reader's cores.
  const jobs = plan.map((p) => ({ task: /** @type {const} */ ('reverse'), model: { ...variants[p.variant], nLayers, dModel, seed: ctx.seed }, config: { steps, lr: p.lr, warmupSteps: p.warmupSteps, seed: ctx.seed }, targetLoss: 0 }));
  const results = await lab.trainManyToTarget(jobs, {
    signal: ctx.signal,
    onProgress: (p) => {
      ctx.onProgress?.({ fraction: p.fraction, message: `${plan[p.job].variant}, lr ${plan[p.job].lr}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
    },
  });
  // Steps to target: the first step at which the mean loss of the last 5 steps is below it (as lab.trainToTarget).
  const reach = (/** @type {number[]} */ l) => { for (let s = 5; s <= l.length; s++) if (l.slice(s - 5, s).reduce((a, b) => a + b) / 5 < targetLoss) return s; return null; };
  const runs = plan.map((p, i) => ({ ...p, stepsToTarget: reach(results[i].loss), diverged: results[i].outcome === 'diverged', loss: results[i].loss }));
  // The floor: the loss of guessing each answer symbol uniformly (vocabulary minus separator and BOS).
  return { ...params, floor: Math.log(task.vocabSize - 2), runs, timing };
}
