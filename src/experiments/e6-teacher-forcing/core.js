// @ts-check
/**
 * E6: teacher forcing (WZ89) vs free running vs scheduled sampling (Ben15) on running sum mod 5, where
 * each answer token depends on the previous one. Accuracy per answer position at checkpoints, evaluated
 * both teacher-forced (true previous tokens) and free-running (the model's own): the gap is exposure bias.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, every: number, lr: number, scheduledSampling: boolean }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  /** @type {[string, number][]} */
  const modes = [['teacher forcing', 1], ['free running', 0]]; // share of true inputs
  if (params.scheduledSampling) modes.push(['scheduled sampling', 0.5]);
  const jobs = modes.map(([, teacherForcing]) => ({
    task: /** @type {const} */ ('running-sum'),
    model: { nLayers: params.layers, dModel: params.width, norm: /** @type {const} */ ('pre'), seed: ctx.seed },
    config: { steps: params.steps, lr: params.lr, teacherForcing, seed: ctx.seed },
    targetLoss: 0, // never reached: each training runs its whole budget
    evaluateEvery: params.every, // lab.evaluate on 128 held-out sequences at each checkpoint
  }));
  // Independent trainings: in the page they share out over the reader's cores.
  const runs = await lab.trainManyToTarget(jobs, {
    signal: ctx.signal,
    onProgress: (p) => {
      ctx.onProgress?.({ fraction: p.fraction, message: `${modes[p.job][0]}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
    },
  });
  const results = Object.fromEntries(modes.map(([name], i) => [name, { loss: runs[i].loss, checkpoints: runs[i].checkpoints ?? [] }]));
  return { ...params, results };
}
