// @ts-check
/**
 * E19: the original encoder–decoder (Post-LN, Vas17) on the toy translation SVO → SOV, against Pre-LN and against the
 * paper's layer with the residual removed around one of the decoder's sublayers (its output then replaces the stream,
 * and the norm stays). Same seed and data for each: gradient norm of each decoder sublayer at initialization, training
 * loss at every step, held-out accuracy at the end.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, lr: number, without: string, train: boolean }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('translation');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const variants = { 'Post-LN (the paper)': { norm: 'post' }, 'Pre-LN': { norm: 'pre' } };
  /** @type {['self-attention' | 'cross-attention' | 'feed-forward', 'self' | 'cross' | 'ffn'][]} */
  const sublayers = [['self-attention', 'self'], ['cross-attention', 'cross'], ['feed-forward', 'ffn']];
  for (const [label, sub] of sublayers)
    if (params.without === 'each in turn' || params.without === label) variants[`no residual around ${label}`] = { norm: 'post', withoutResidual: [sub] };
  const n = Object.keys(variants).length;
  /** @type {Record<string, { loss: number[], accuracy: number | null, gradientAtInit: Record<string, number[]> }>} */
  const runs = {};
  for (const [i, [name, options]] of Object.entries(variants).entries()) {
    const model = lab.model(task, { arch: 'encdec', nLayers: params.layers, nEncLayers: params.layers, dModel: params.width, ...options, seed: ctx.seed });
    try {
      const { blocks, bySublayer } = lab.gradientNorms(model, task, { seed: ctx.seed });
      const gradientAtInit = Object.fromEntries(['self', 'cross', 'ffn'].map((s) => [s, blocks.map((b) => bySublayer[`${b}.${s}`] ?? 0)]));
      if (!params.train) { runs[name] = { loss: [], accuracy: null, gradientAtInit }; continue; } // the gradients alone
      const result = await lab.train(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed }, {
        signal: ctx.signal,
        onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / n, message: `${name}: step ${p.step}, loss ${p.loss.toFixed(3)}` }),
      });
      ctx.signal?.throwIfAborted();
      runs[name] = { loss: result.history.loss, accuracy: lab.accuracy(model, task), gradientAtInit };
    } finally {
      model.dispose();
    }
  }
  return { ...params, runs };
}
