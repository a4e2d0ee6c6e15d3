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
  const task = lab.task('running-sum');
  /** @type {Record<string, number>} */
  const modes = { 'teacher forcing': 1, 'free running': 0 }; // share of true inputs
  if (params.scheduledSampling) modes['scheduled sampling'] = 0.5;
  /** @type {Record<string, { loss: number[], msPerStep: number, checkpoints: { step: number, teacherForced: number[], freeRunning: number[] }[] }>} */
  const results = {};
  for (const [i, [name, teacherForcing]] of Object.entries(modes).entries()) {
    const model = lab.model(task, { nLayers: params.layers, dModel: params.width, norm: 'pre', seed: ctx.seed });
    /** @type {{ step: number, teacherForced: number[], freeRunning: number[] }[]} */
    const checkpoints = [];
    const result = await lab.train(model, task, { steps: params.steps, lr: params.lr, teacherForcing, seed: ctx.seed, progressEvery: params.every }, {
      signal: ctx.signal,
      onProgress: (p) => {
        const { teacherForced, freeRunning } = lab.evaluate(model, task, { batchSize: 128 }); // held-out data
        checkpoints.push({ step: p.step, teacherForced: teacherForced.perPosition, freeRunning: freeRunning.perPosition });
        ctx.onProgress?.({ fraction: (i + p.step / p.steps) / Object.keys(modes).length, message: `${name}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
      },
    });
    ctx.signal?.throwIfAborted();
    results[name] = { loss: result.history.loss, msPerStep: result.medianMsPerStep, checkpoints };
    model.dispose();
  }
  return { ...params, results };
}
