// @ts-check
/**
 * E9: attention is a trained layer. How far training moves W^Q, W^K, W^V and W^O from their initial
 * values, and the accuracy lost when they are frozen there instead (same steps, same data).
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, steps: number, lr: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  const attention = Array.from({ length: params.layers }, (_, l) => ['wqkv', 'bqkv', 'wo', 'bo'].map((p) => `dec.${l}.self.${p}`)).flat();
  const distance = (/** @type {number[]} */ a, /** @type {number[]} */ b) => Math.hypot(...a.map((x, i) => x - b[i]));
  /** @type {Record<string, number>} */
  const accuracy = {};
  /** @type {Record<string, Record<string, number>>} */
  const relativeChange = {};
  for (const [i, frozen] of [false, true].entries()) {
    const model = lab.model(task, { nLayers: params.layers, dModel: params.width, norm: 'pre', seed: ctx.seed });
    const before = lab.attentionWeights(model);
    await lab.train(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed, freeze: frozen ? attention : [] }, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ fraction: (i + p.step / p.steps) / 2, message: `${frozen ? 'frozen' : 'trained'} attention: step ${p.step}` }),
    });
    ctx.signal?.throwIfAborted();
    if (!frozen) {
      const after = lab.attentionWeights(model);
      for (const [block, w] of Object.entries(before)) {
        relativeChange[block] = Object.fromEntries(Object.entries(w).map(([k, w0]) => [k, distance(after[block][/** @type {keyof typeof w} */ (k)], w0) / Math.hypot(...w0)]));
      }
    }
    accuracy[frozen ? 'frozen' : 'trained'] = lab.accuracy(model, task);
    model.dispose();
  }
  return { ...params, relativeChange, accuracy };
}
