// @ts-check
/**
 * E10: adding is not averaging. Through training of a Post-LN model, ‖F(x)‖/‖x‖ for each sublayer: the
 * size of the change a sublayer adds, against the stream x it is added to (He16a §3.1).
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, steps: number, every: number, lr: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  const model = lab.model(task, { connection: 'residual', norm: 'post', nLayers: params.layers, seed: ctx.seed });
  const checkpoints = [0];
  const first = lab.probe(model, task, { seed: ctx.seed }).branchRatio;
  /** @type {Record<string, number[]>} sublayer ('dec.0.self', 'dec.0.ffn', …) → ratio at each checkpoint */
  const branchRatio = Object.fromEntries(Object.entries(first).map(([name, r]) => [name, [r]]));
  const result = await lab.train(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed, progressEvery: params.every }, {
    signal: ctx.signal,
    onProgress: (p) => {
      checkpoints.push(p.step);
      const ratios = lab.probe(model, task, { seed: ctx.seed }).branchRatio;
      for (const [name, r] of Object.entries(ratios)) branchRatio[name].push(r);
      ctx.onProgress?.({ fraction: p.step / p.steps, message: `step ${p.step}, loss ${p.loss.toFixed(2)}` });
    },
  });
  model.dispose();
  ctx.signal?.throwIfAborted();
  return { ...params, checkpoints, branchRatio, loss: result.history.loss };
}
