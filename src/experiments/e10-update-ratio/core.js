// @ts-check
/**
 * E10: adding is not averaging. Two copies of one decoder are trained alike; one adds each sublayer's output
 * to its input, y = x + F(x) (He16a §3.1), the other averages them, y = (x + F(x))/2, the pull-back the
 * worry pictures. For the one that adds: ‖F(x)‖/‖x‖ per sublayer through training, the change a sublayer
 * makes against the stream x it is added to. For both: held-out accuracy at the end.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, norm: 'post' | 'pre', steps: number, every: number, lr: number, averaged: boolean }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  const trainOne = async (/** @type {'residual' | 'average'} */ connection, /** @type {number} */ part) => {
    const model = lab.model(task, { connection, norm: params.norm, nLayers: params.layers, dModel: params.width, seed: ctx.seed });
    try {
      const checkpoints = [0];
      /** @type {Record<string, number[]>} sublayer ('dec.0.self', 'dec.0.ffn', …) → ratio at each checkpoint */
      const branchRatio = {};
      const measure = () => {
        for (const [name, r] of Object.entries(lab.probe(model, task, { seed: ctx.seed }).branchRatio)) (branchRatio[name] ??= []).push(r);
      };
      measure();
      const result = await lab.train(model, task, { steps: params.steps, lr: params.lr, seed: ctx.seed, progressEvery: params.every }, {
        signal: ctx.signal,
        onProgress: (p) => {
          checkpoints.push(p.step);
          measure();
          ctx.onProgress?.({ fraction: (part + p.step / p.steps) / (params.averaged ? 2 : 1), message: `${connection}: step ${p.step}, loss ${p.loss.toFixed(2)}` });
        },
      });
      ctx.signal?.throwIfAborted();
      return { checkpoints, branchRatio, loss: result.history.loss, accuracy: lab.accuracy(model, task) };
    } finally {
      model.dispose();
    }
  };
  const added = await trainOne('residual', 0);
  const averaged = params.averaged ? await trainOne('average', 1) : { loss: [], accuracy: null }; // off: the decoder that adds alone
  const { checkpoints, branchRatio, loss } = added;
  return { ...params, checkpoints, branchRatio, loss, averagedLoss: averaged.loss, accuracy: { added: added.accuracy, averaged: averaged.accuracy } };
}
