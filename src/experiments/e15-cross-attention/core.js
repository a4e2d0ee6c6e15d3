// @ts-check
/**
 * E15: the original encoder–decoder (Post-LN, as in Vas17) trained on a toy translation, SVO → SOV: where the
 * decoder's attention over the encoder (cross-attention) looks, before and after training. Each map is target
 * position × source position, averaged over the heads and a held-out batch.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, lr: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('translation'); // "adj noun verb adj noun" → "adj' noun' adj' noun' verb'"
  const alignment = [0, 1, 3, 4, 2]; // target position t translates source position alignment[t]
  const model = lab.model(task, { arch: 'encdec', nLayers: params.layers, nEncLayers: params.layers, dModel: params.width, norm: 'post', seed: ctx.seed });
  const heldOut = { seed: ctx.seed + 1000, batchSize: 64 };
  /** The cross-attention maps only ('dec.0.cross', …), [target][source]. */
  const crossMaps = () => Object.fromEntries(Object.entries(lab.attentionMaps(model, task, heldOut)).filter(([name]) => name.endsWith('.cross')));
  try {
    const before = crossMaps();
    const result = await lab.train(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed }, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ fraction: p.step / p.steps, message: `step ${p.step}, loss ${p.loss.toFixed(3)}` }),
    });
    ctx.signal?.throwIfAborted();
    const after = crossMaps();
    return { ...params, alignment, before, after, status: result.status, loss: result.history.loss, accuracy: lab.accuracy(model, task) };
  } finally {
    model.dispose();
  }
}
