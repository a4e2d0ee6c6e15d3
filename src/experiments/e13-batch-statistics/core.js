// @ts-check
/**
 * E13: does one sequence's output depend on the rest of the batch? For each norm: sequence 0's logits in its batch,
 * against the same sequence with the other sequences redrawn, in smaller batches (down to alone), and with only the
 * last input token of sequence 0 changed (a later token: under the causal mask no earlier position may see it).
 * Then, after training, the held-out loss run as batches against run one sequence at a time (BatchNorm with the statistics
 * of that sequence alone, or with running statistics).
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, batchSize: number, placement: string, norms: string, steps: number, lr: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  /** @type {Record<string, import('~/lab/facade').ModelOptions>} */
  const kinds = { BatchNorm: { normKind: 'batch' }, LayerNorm: { normKind: 'layer' } };
  const names = params.norms === 'both' ? Object.keys(kinds) : [params.norms];
  const B = params.batchSize, batch = lab.batch(task, { seed: ctx.seed, batchSize: B }), others = lab.batch(task, { seed: ctx.seed + 1000, batchSize: B });
  const first = (/** @type {number} */ n, /** @type {typeof batch} */ b = batch) => ({ src: b.src.slice(0, n), tgt: b.tgt.slice(0, n) });
  const change = batch.tgt.map((t, i) => (i === 0 ? [...t.slice(0, -2), (t[t.length - 2] + 1) % (task.vocabSize - 2), t[t.length - 1]] : t)); // the last decoder input (the answer shifted right)
  const rel = // ‖Δ logits‖ / ‖logits‖ over the positions given
    (/** @type {number[][]} */ a, /** @type {number[][]} */ b) => Math.hypot(...a.flat().map((x, i) => x - b.flat()[i])) / Math.hypot(...b.flat());
  const sizes = [1, 2, 4, 8, 16, 32, 64, 128].filter((n) => n < B);
  const norms = /** @type {Record<string, import('./experiment').E13Norm>} */ ({});
  for (const name of names) {
    ctx.signal?.throwIfAborted();
    const model = lab.model(task, { ...kinds[name], norm: params.placement === 'post' ? 'post' : 'pre', nLayers: params.layers, dModel: params.width, seed: ctx.seed });
    const own = lab.logits(model, task, batch)[0];
    const otherSequences = rel(lab.logits(model, task, { src: [batch.src[0], ...others.src.slice(1)], tgt: [batch.tgt[0], ...others.tgt.slice(1)] })[0], own);
    const bySize = sizes.map((n) => rel(lab.logits(model, task, first(n))[0], own));
    const later = lab.logits(model, task, { src: batch.src, tgt: change })[0];
    const laterToken = later.slice(0, -1).map((row, t) => rel([row], own.slice(t, t + 1))); // every position before the changed input
    norms[name] = { otherSequences, bySize, laterToken };
    if (params.steps > 0) {
      await lab.train(model, task, { steps: params.steps, batchSize: B, lr: params.lr, seed: ctx.seed }, { signal: ctx.signal });
      const heldOut = lab.batch(task, { seed: ctx.seed + 2000, batchSize: 2 * B });
      norms[name].heldOutInBatches = (lab.loss(model, task, first(B, heldOut)) + lab.loss(model, task, { src: heldOut.src.slice(B), tgt: heldOut.tgt.slice(B) })) / 2;
      const alone = (running = false) => heldOut.src.map((_, i) => lab.loss(model, task, { src: [heldOut.src[i]], tgt: [heldOut.tgt[i]] }, { running })).reduce((a, b) => a + b) / (2 * B);
      lab.estimateRunningStats(model, task, { seed: ctx.seed + 3000, batches: 20, batchSize: B }); // BatchNorm's usual inference
      Object.assign(norms[name], { heldOutAlone: alone(), heldOutRunning: alone(true) });
    }
    model.dispose();
    ctx.onProgress?.({ fraction: Object.keys(norms).length / names.length, message: name });
  }
  return { layers: params.layers, width: params.width, batchSize: B, steps: params.steps, sizes, norms };
}
