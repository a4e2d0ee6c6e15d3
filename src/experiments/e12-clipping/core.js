// @ts-check
/**
 * E12: one deep residual stack without normalization, trained with Adam at a high learning rate twice, without
 * and with the gradient's global norm clipped (Pas13), and the same stack with Pre-LN, unclipped. A run diverges
 * when its loss passes 10⁴ nats or stops being finite; it stops there.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, lr: number, steps: number, clipNorm: number, batchSize: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  /** @type {[string, import('~/lab/facade').ModelOptions, number][]} name, model, clip norm (0 = none) */
  const variants = [
    ['residual, no norm', { connection: 'residual', norm: 'none' }, 0],
    ['residual, no norm, clipped', { connection: 'residual', norm: 'none' }, params.clipNorm],
    ['pre-ln', { connection: 'residual', norm: 'pre' }, 0],
  ];
  const task = lab.task('reverse');
  /** @type {Record<string, { status: 'done' | 'diverged', divergedAt: number | null, loss: number[], gradNorm: number[] }>} */
  const runs = {};
  for (const [i, [name, options, clipNorm]] of variants.entries()) {
    const model = lab.model(task, { ...options, nLayers: params.layers, dModel: params.width, seed: ctx.seed });
    try {
      const config = { steps: params.steps, lr: params.lr, batchSize: params.batchSize, clipNorm, seed: ctx.seed };
      // Divergence is judged on the loss: the gradient norm before clipping may be huge in a run that clipping keeps sane.
      const result = await lab.train(model, task, { ...config, maxLoss: 1e4, maxGradNorm: 1e30 }, {
        signal: ctx.signal,
        onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / 3, message: `${name}: step ${p.step}, loss ${p.loss.toFixed(2)}` }),
      });
      ctx.signal?.throwIfAborted();
      const diverged = result.status === 'diverged';
      runs[name] = { status: diverged ? 'diverged' : 'done', divergedAt: diverged ? result.stepsCompleted : null, loss: result.history.loss, gradNorm: result.history.gradNorm };
    } finally {
      model.dispose();
    }
  }
  return { layers: params.layers, width: params.width, lr: params.lr, steps: params.steps, clipNorm: params.clipNorm, runs };
}
