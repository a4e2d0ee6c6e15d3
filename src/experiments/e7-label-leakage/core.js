// @ts-check
/**
 * E7: label leakage. Train on reverse with the loss on every position, correctly (causal mask + target
 * shifted right), without the mask, and without the shift. The question tokens are random, so no honest
 * model can predict them better than the entropy floor ln 8; a model that beats it is reading the answer.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, lr: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = {
    'correct': { causal: true, shiftRight: true },
    'no causal mask': { causal: false, shiftRight: true },
    'no right shift': { causal: true, shiftRight: false },
  };
  const entropyFloor = Math.log(8); // 8 equally likely symbols
  /** @type {Record<string, { trainLoss: number[], questionLoss: number, lossByPosition: number[], teacherForced: number, generated: number }>} */
  const results = {};
  for (const [i, [name, options]] of Object.entries(variants).entries()) {
    const model = lab.model(task, { ...options, nLayers: params.layers, dModel: params.width, seed: ctx.seed });
    const result = await lab.train(model, task, { steps: params.steps, lr: params.lr, lossOn: 'all', seed: ctx.seed }, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / 3, message: `${name}: step ${p.step}, loss ${p.loss.toFixed(2)}` }),
    });
    ctx.signal?.throwIfAborted();
    const byPosition = lab.lossByPosition(model, task); // held-out data
    const questionLoss = byPosition.slice(0, task.srcLen).reduce((a, b) => a + b) / task.srcLen;
    const teacherForced = lab.accuracy(model, task); // fed the true answer tokens
    const generated = lab.generate(model, task); // fed its own outputs; every unknown input starts as the separator
    results[name] = { trainLoss: result.history.loss, questionLoss, lossByPosition: byPosition, teacherForced, generated };
    model.dispose();
  }
  return { ...params, entropyFloor, chance: 1 / 8, results };
}
