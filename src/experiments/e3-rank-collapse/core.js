// @ts-check
/**
 * E3: rank collapse. The relative residual ‖X − 1·x̄ᵀ‖/‖X‖ of the token vectors after each block of an
 * untrained 12-layer stack: 0 means every token carries the same vector (Don21).
 * @param {import('~/lab/facade').LabFacade} lab
 * @param {{ layers: number, width: number, batchSize: number }} params
 * @param {import('~/lab/experiment/define').CoreContext} ctx
 */
export async function run(lab, params, ctx) {
  const task = lab.task('reverse');
  const noFfn = Array.from({ length: params.layers }, (_, l) => `dec.${l}.ffn`); // delete every MLP sublayer
  /** @type {Record<string, { options: import('~/lab/facade').ModelOptions, lesion: string[] }>} */
  const stacks = {
    'attention only': { options: { norm: 'none' }, lesion: noFfn },
    'attention + MLP': { options: { norm: 'none' }, lesion: [] },
    'full block (Post-LN)': { options: { norm: 'post' }, lesion: [] },
  };
  /** @type {Record<string, Record<string, number[]>>} */
  const relResidual = { 'with skips': {}, 'without skips': {} };
  for (const [name, { options, lesion }] of Object.entries(stacks)) {
    for (const skips of ['with skips', 'without skips']) {
      ctx.signal?.throwIfAborted();
      const connection = skips === 'with skips' ? 'residual' : 'none';
      const model = lab.model(task, { ...options, connection, nLayers: params.layers, dModel: params.width, seed: ctx.seed });
      relResidual[skips][name] = lab.probe(model, task, { seed: ctx.seed, batchSize: params.batchSize, lesion }).relResidual;
      model.dispose();
    }
    ctx.onProgress?.({ fraction: Object.keys(relResidual['with skips']).length / 3, message: name });
  }
  // Index 0 is the input (embedding + positions), index l the output of block l.
  return { layers: params.layers, relResidual };
}
