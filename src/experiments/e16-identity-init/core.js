// @ts-check
/**
 * E16: four stacks from the same seed. Pre-LN; then three without any norm: ReZero (x + α·F(x), α learned per sublayer
 * and started at 0, ReZ20), a fixed branch scale x + s·F(x) with GPT-2's s = 1/√(2N) (Rad19; N blocks, 2N residual
 * sublayers), and the plain x + F(x). At initialization: the stream's norm by block and ‖F(x)‖/‖x‖ per sublayer. Then
 * each of the first three trains until its loss reaches the target, or the step budget ends.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, batchSize: number, steps: number, lr: number, targetLoss: number, rezero: boolean, scale: string, train: boolean }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  const { layers: nLayers, width: dModel, batchSize, steps, lr, targetLoss } = params;
  const s = params.scale === '1' ? 1 : 1 / Math.sqrt(2 * nLayers);
  /** @type {['preLn' | 'rezero' | 'scaled' | 'plain', string, import('~/lab/facade').ModelOptions, boolean][]} key, label, model, trained */
  const variants = [
    ['preLn', 'Pre-LN', { norm: 'pre' }, true],
    ['rezero', params.rezero ? 'ReZero, no norm' : 'no α, no norm', { norm: 'none', rezero: params.rezero }, true],
    ['scaled', params.scale === '1' ? 'scale 1, no norm' : '1/√(2N), no norm', { norm: 'none', branchScale: s }, true],
    ['plain', 'residual, no norm', { norm: 'none' }, false],
  ];
  /** @type {Record<string, any>} */ const stacks = {};
  /** @type {Map<string, any>} the same model from the same seed trains the same way: trained once (α off and scale 1 are both the plain stack) */
  const done = new Map();
  for (const [i, [key, label, options, trained]] of variants.entries()) {
    const model = lab.model(task, { ...options, nLayers, dModel, seed: ctx.seed });
    try {
      const { streamNorm, branchRatio } = lab.probe(model, task, { seed: ctx.seed, batchSize });
      const same = JSON.stringify({ rezero: false, branchScale: 1, ...options });
      if (trained && params.train && !done.has(same)) {
        const onProgress = (/** @type {{ step: number, loss: number }} */ p) => ctx.onProgress?.({ fraction: (i + p.step / steps) / 3, message: `${label}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
        const r = await lab.trainToTarget(model, task, { steps, lr, batchSize, seed: ctx.seed }, { targetLoss, signal: ctx.signal, onProgress });
        done.set(same, { loss: r.loss, stepsToTarget: r.stepsToTarget, outcome: r.outcome, branchRatioAtEnd: lab.probe(model, task, { seed: ctx.seed, batchSize }).branchRatio });
      }
      stacks[key] = { label, streamNorm, branchRatio, training: trained && params.train ? done.get(same) : null };
    } finally {
      model.dispose();
    }
  }
  ctx.onProgress?.({ fraction: 1, message: 'done' });
  return { layers: nLayers, width: dModel, steps, targetLoss, branchScale: s, stacks };
}
