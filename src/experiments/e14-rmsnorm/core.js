// @ts-check
/**
 * E14: RMSNorm against LayerNorm in the same Pre-LN decoder, from the same seed: steps to the target loss, and the share
 * of each norm's input that is its mean (what LayerNorm's re-centring removes) at initialization and at the target.
 * Then wall-clock: ms per training step of each model, and one norm alone, forward and backward, in three implementations
 * (LayerNorm's fused kernel, LayerNorm and RMSNorm in plain ops: the like-for-like pair).
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, batchSize: number, steps: number, lr: number, targetLoss: number, compare: string, timing: boolean }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = { LayerNorm: { norm: 'pre', normKind: 'layer' }, RMSNorm: { norm: 'pre', normKind: 'rms' }, 'no norm': { norm: 'none' } };
  const names = ['LayerNorm', params.compare];
  const { layers: nLayers, width: dModel, batchSize, steps, lr, targetLoss } = params;
  const make = (/** @type {string} */ n) => lab.model(task, { ...variants[n], nLayers, dModel, seed: ctx.seed });
  /** @type {Record<string, { loss: number[], stepsToTarget: number | null, outcome: string, meanShareAtInit: Record<string, number>, meanShareAtEnd: Record<string, number> }>} */
  const runs = {};
  for (const [i, n] of names.entries()) {
    const model = make(n);
    const meanShareAtInit = lab.probe(model, task, { seed: ctx.seed, batchSize }).meanShare;
    // Trains until the mean loss of the last 5 steps is below the target, or the step budget ends.
    const onProgress = (/** @type {{ step: number, loss: number }} */ p) => ctx.onProgress?.({ fraction: (0.8 * (i + p.step / steps)) / names.length, message: `${n}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
    const { stepsToTarget, outcome, loss } = await lab.trainToTarget(model, task, { steps, lr, batchSize, seed: ctx.seed }, { targetLoss, signal: ctx.signal, onProgress });
    runs[n] = { loss, stepsToTarget, outcome, meanShareAtInit, meanShareAtEnd: lab.probe(model, task, { seed: ctx.seed, batchSize }).meanShare };
    model.dispose();
  }
  // Wall-clock (shown, never compared): LayerNorm runs on a fused kernel and RMSNorm on plain ops, so the step times
  // differ by the implementation as well as the formula; timeNorms also times LayerNorm in plain ops.
  /** @type {Record<string, number>} */ const msPerStep = {};
  let norms = null;
  for (const n of params.timing ? names : []) {
    const model = make(n);
    msPerStep[n] = (await lab.timeStep(model, task, { lr, batchSize })).msPerStep;
    if (n === 'LayerNorm') norms = lab.timeNorms(model, task, { batchSize });
    model.dispose();
  }
  ctx.onProgress?.({ fraction: 1, message: 'done' });
  return { layers: nLayers, width: dModel, steps, targetLoss, runs, timing: { msPerStep, norms } };
}
