// @ts-check
/**
 * E18: the same decoder trained from the same seed on a fixed set of sequences of the reversal task, without dropout,
 * with dropout on each sublayer's output before the add ('branch', Vas17's residual dropout) and on the stream after
 * it ('stream'). Every `every` steps and at the end: loss on the whole training set and on held-out sequences, without dropout.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, norm: string, trainingSet: number, steps: number, lr: number, batchSize: number, rate: number, compare: string, every: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const base = lab.task('reverse');
  const { task, examples } = lab.trainingSet(base, { size: params.trainingSet, seed: ctx.seed });
  // Held-out: fresh sequences, leaving out any that happens to be in the training set.
  const inTraining = new Set(examples.src.map(String));
  const fresh = lab.batch(base, { seed: 10_000 + ctx.seed, batchSize: 256 });
  const keep = fresh.src.map((s, i) => i).filter((i) => !inTraining.has(String(fresh.src[i])));
  const heldOut = { src: keep.map((i) => fresh.src[i]), tgt: keep.map((i) => fresh.tgt[i]) };
  /** @type {Record<string, { dropout: number, dropoutOn?: 'branch' | 'stream' }>} */
  const variants = { none: { dropout: 0 }, branch: { dropout: params.rate, dropoutOn: 'branch' }, stream: { dropout: params.rate, dropoutOn: 'stream' } };
  const names = { none: 'no dropout', branch: 'dropout on the branch', stream: 'dropout on the stream' };
  const picked = /** @type {('none' | 'branch' | 'stream')[]} */ (params.compare.split(' · '));
  /** @type {Record<string, { steps: number[], trainLoss: number[], heldOutLoss: number[], heldOutAccuracy: number }>} */
  const runs = {};
  for (const [i, key] of picked.entries()) {
    const model = lab.model(task, { nLayers: params.layers, dModel: params.width, norm: params.norm === 'Pre-LN' ? 'pre' : 'post', seed: ctx.seed });
    try {
      const curve = { steps: /** @type {number[]} */ ([]), trainLoss: /** @type {number[]} */ ([]), heldOutLoss: /** @type {number[]} */ ([]) };
      const config = { steps: params.steps, lr: params.lr, batchSize: params.batchSize, seed: ctx.seed, progressEvery: params.every, ...variants[key] };
      await lab.train(model, task, config, {
        signal: ctx.signal,
        onProgress: (p) => {
          curve.steps.push(p.step);
          curve.trainLoss.push(lab.loss(model, task, examples));
          curve.heldOutLoss.push(lab.loss(model, base, heldOut));
          ctx.onProgress?.({ fraction: (i + p.step / p.steps) / picked.length, message: `${names[key]}: step ${p.step}` });
        },
      });
      ctx.signal?.throwIfAborted();
      runs[names[key]] = { ...curve, heldOutAccuracy: lab.accuracy(model, base, { batch: heldOut }) };
    } finally {
      model.dispose();
    }
  }
  return { layers: params.layers, width: params.width, norm: params.norm, trainingSet: params.trainingSet, heldOut: keep.length, steps: params.steps, rate: params.rate, runs };
}
