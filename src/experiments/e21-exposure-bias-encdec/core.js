// @ts-check
/**
 * E21: teacher forcing (WZ89), free running and scheduled sampling with an inverse-sigmoid schedule (Ben15) in the
 * encoder–decoder, from the same seed and batches, on a task where each output token follows from the one before it
 * (running sums mod 5 of the source digits) or on the word-for-word toy translation. Held-out accuracy per target
 * position at checkpoints, fed the true previous tokens and fed the model's own: the gap is exposure bias.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ task: string, layers: number, width: number, steps: number, every: number, lr: number, decay: number, compare: string }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = params.task === 'translation' ? /** @type {const} */ ('translation') : /** @type {const} */ ('running-sum');
  // The share of true previous tokens fed in training: always, never, or Ben15's k/(k + exp(step/k)), falling over training.
  const feedings = {
    'teacher forcing': { teacherForcing: 1 },
    'free running': { teacherForcing: 0 },
    'scheduled sampling': { teacherForcing: 1, teacherForcingDecay: params.decay },
  };
  // The setting names the trainings run beside teacher forcing: 'free running and scheduled sampling' runs both.
  const names = /** @type {(keyof typeof feedings)[]} */ (params.compare === 'nothing' ? [] : params.compare.split(' and '));
  const unknown = names.find((name) => !(name in feedings));
  if (unknown) throw new Error(`compare names an unknown training: ${JSON.stringify(unknown)}`);
  const modes = /** @type {const} */ (['teacher forcing', ...names]).map((name) => /** @type {const} */ ([name, feedings[name]]));
  const jobs = modes.map(([, feeding]) => ({
    task,
    model: { arch: /** @type {const} */ ('encdec'), nLayers: params.layers, nEncLayers: params.layers, dModel: params.width, norm: /** @type {const} */ ('pre'), seed: ctx.seed },
    config: { steps: params.steps, lr: params.lr, seed: ctx.seed, ...feeding },
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
