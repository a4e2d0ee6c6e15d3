// @ts-check
/**
 * E20: the encoder–decoder on the toy translation SVO → SOV with a separate output matrix (untied) and with the output
 * projection tied to the embedding table (logits = h·Eᵀ, Vas17 §3.4), from the same seed: parameter counts; at
 * initialization, in Post-LN and in Pre-LN, how the output layer ranks the token the decoder was given at each
 * position; then training, with the chosen norm placement, to a target loss.
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, norm: string, lr: number, steps: number, targetLoss: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('translation');
  const plan = /** @type {const} */ ([['untied', false], ['tied', true]]);
  const model = (/** @type {string} */ norm, /** @type {boolean} */ tiedOutput) => ({ arch: /** @type {const} */ ('encdec'), norm: norm === 'Pre-LN' ? /** @type {const} */ ('pre') : /** @type {const} */ ('post'), nLayers: params.layers, nEncLayers: params.layers, dModel: params.width, tiedOutput, seed: ctx.seed });
  // At initialization, on held-out sentences: the decoder is given BOS, y1, …, y4 (the target shifted right); at each
  // position, how many of the vocabulary's other tokens score above the token it was given, and how often none does.
  const batch = lab.batch(task, { seed: 10_000 + ctx.seed, batchSize: 64 });
  /** @type {Record<string, Record<string, { initLoss: number, inputRank: number, inputFirst: number }>>} */
  const init = { 'Post-LN': {}, 'Pre-LN': {} };
  const counts = /** @type {Record<string, number>} */ ({}); // parameters, with the norm placement that trains
  for (const norm of Object.keys(init))
    for (const [name, tied] of plan) {
      const m = lab.model(task, model(norm, tied));
      try {
        const ranks = lab.logits(m, task, batch).flatMap((rows, b) => rows.map((row, t) => row.filter((v) => v > row[t === 0 ? task.bos : batch.tgt[b][t - 1]]).length));
        init[norm][name] = { initLoss: lab.loss(m, task, batch), inputRank: ranks.reduce((a, b) => a + b, 0) / ranks.length, inputFirst: ranks.filter((r) => r === 0).length / ranks.length };
        if (norm === params.norm) counts[name] = lab.countParams(m);
      } finally {
        m.dispose();
      }
    }
  // The two trainings, same data: until the mean loss of the last 5 steps is below the target, or the budget ends
  // (a budget of 0 measures at initialization only). In the page they share out over the reader's cores.
  const jobs = plan.map(([, tied]) => ({ task: /** @type {const} */ ('translation'), model: model(params.norm, tied), config: { steps: params.steps, lr: params.lr, seed: ctx.seed }, targetLoss: params.targetLoss }));
  const results = params.steps === 0 ? [] : await lab.trainManyToTarget(jobs, {
    signal: ctx.signal,
    onProgress: (p) => {
      ctx.onProgress?.({ fraction: p.fraction, message: `${plan[p.job][0]}: step ${p.step}, loss ${p.loss.toFixed(3)}` });
    },
  });
  const runs = Object.fromEntries(plan.map(([name], i) => [name, { params: counts[name], stepsToTarget: results[i]?.stepsToTarget ?? null, loss: results[i]?.loss ?? [] }]));
  return { ...params, vocabSize: task.vocabSize, init, runs };
}
