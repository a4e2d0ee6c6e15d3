// Custom blocks (src/lab/custom-block.ts) and their presets (src/lab/blocks/): a preset that writes a stock wrapper
// in plain tf ops gives the stock model's loss and every parameter's gradient on the same seed and batch (up to
// float rounding: the stock LayerNorm is a fused kernel); DeepNorm's β scales exactly the weights it names; a preset
// loaded from its source text is the same block; a few training steps run and leave no tensor behind.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel, forward, maskedCrossEntropy, type Model } from '~/lab/model';
import { copyTask, encodeBatch, taskModelFields, translationTask, type Task } from '~/lab/tasks';
import { makeRng } from '~/lab/rng';
import { train } from '~/lab/train';
import { runTargetJob } from '~/lab/train-to-target';
import { loadBlockSource, BlockError, type BlockDefinition } from '~/lab/custom-block';
import { presetBlock, presetSource, BLOCK_PRESET_IDS, type BlockPresetId } from '~/lab/blocks';
import { checkBlock } from '~/lab/block-check';
import { forwardStats, gradientNorms, streamGradients, timeStep } from '~/lab/instruments';
import type { ModelConfig } from '~/lab/config';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

const N_LAYERS = 2;
const small = (task: Task, arch: 'decoder' | 'encdec' = 'decoder') => ({
  ...taskModelFields(task, arch),
  arch,
  dModel: 8,
  nHeads: 2,
  nLayers: N_LAYERS,
  dFF: 16,
  seed: 5,
});

/** The stock name of a custom block's parameter: 'dec.0.self.blk.g' → 'dec.0.self.ln_g', 'dec.final.blk.b' → 'dec.final_ln.b'. */
const stockName = (name: string) =>
  name
    .replace(/^(enc|dec)\.final\.blk\.(\w+)$/, '$1.final_ln.$2')
    .replace(/\.blk\.(g|b)$/, '.ln_$1')
    .replace(/\.blk\.alpha$/, '.alpha');

/** Loss and every parameter's gradient (by name) on one fixed batch. */
function lossAndGrads(model: Model, task: Task): { loss: number; grads: Map<string, Float32Array> } {
  const batch = encodeBatch(task, model.config, task.sample(makeRng(9), 6), 'all');
  const grads = new Map<string, Float32Array>();
  let loss = NaN;
  tf.tidy(() => {
    const vars = [...model.params.values()];
    const { value, grads: byVar } = tf.variableGrads(
      () =>
        maskedCrossEntropy(
          forward(model, { B: batch.B, T: batch.T, S: batch.S, decIn: batch.decIn, encIn: batch.encIn }),
          batch.target,
          batch.mask,
        ),
      vars,
    );
    for (const [name, v] of model.params) grads.set(name, (byVar[v.name]?.dataSync() as Float32Array) ?? new Float32Array(v.size));
    loss = value.dataSync()[0]!;
  });
  return { loss, grads };
}

const norm = (a: Float32Array) => Math.sqrt(a.reduce((s, e) => s + e * e, 0));
const diffNorm = (a: Float32Array, b: Float32Array) => Math.sqrt(a.reduce((s, e, i) => s + (e - b[i]!) ** 2, 0));

/** Set every α of both models to the same non-zero values, so the branches' gradients are not all zero. */
function setAlphas(m: Model) {
  let k = 0;
  for (const [name, v] of m.params) if (name.endsWith('alpha')) tf.tidy(() => v.assign(tf.tensor1d([0.3 + 0.1 * k++])));
}

const equivalents: [BlockPresetId, Partial<ModelConfig>, Task?][] = [
  ['post-ln', { norm: 'post' }],
  ['pre-ln', { norm: 'pre' }],
  ['pre-ln', { norm: 'pre' }, translationTask(3, 2, 2)],
  ['no-norm', { norm: 'none' }],
  ['no-residual', { connection: 'none', norm: 'post' }],
  ['rezero', { norm: 'none', rezero: true }],
  ['rmsnorm', { norm: 'pre', normKind: 'rms' }],
  ['scaled-residual', { norm: 'none', branchScale: 1 / Math.sqrt(2 * N_LAYERS) }],
];

test.each(equivalents)('preset %s = the stock lab with %o: same loss and gradients', (id, stock, task = copyTask(4, 3)) => {
  const arch = task.id === 'translation' ? 'encdec' : 'decoder';
  const before = tf.memory().numTensors;
  const ref = createModel({ ...small(task, arch), ...stock });
  const custom = createModel(small(task, arch), { block: presetBlock(id) });
  setAlphas(ref);
  setAlphas(custom);
  try {
    const want = lossAndGrads(ref, task);
    const got = lossAndGrads(custom, task);
    expect(Math.abs(got.loss - want.loss)).toBeLessThanOrEqual(1e-5 * Math.abs(want.loss));
    const mapped = [...got.grads.keys()].map(stockName).sort();
    expect(mapped).toEqual([...want.grads.keys()].sort());
    for (const [name, g] of got.grads) {
      const w = want.grads.get(stockName(name))!;
      // Relative to the tensor's gradient norm; 1e-4 is ~1000× float32 rounding, far below any missing or wrong term.
      expect(diffNorm(g, w), `${name}: ‖Δg‖ vs ‖g‖ ${norm(w)}`).toBeLessThanOrEqual(1e-4 * norm(w) + 1e-7);
    }
  } finally {
    ref.dispose();
    custom.dispose();
  }
  expect(tf.memory().numTensors).toBe(before);
});

test("DeepNorm: LN(α·x + F(x)) with α = (2N)^(1/4), and β = (8N)^(-1/4) times the init of v, the attention output and the FFN's weights only", () => {
  const task = copyTask(4, 3);
  const ref = createModel({ ...small(task), norm: 'post' });
  const deep = createModel(small(task), { block: presetBlock('deepnorm') });
  const beta = (8 * N_LAYERS) ** -0.25;
  try {
    const d = 8;
    for (const [name, v] of ref.params) {
      if (!deep.params.has(name)) continue;
      const a = v.dataSync();
      const b = deep.params.get(name)!.dataSync();
      const scaled = (i: number) => /\.(wo|w1|w2)$/.test(name) || (name.endsWith('.wqkv') && i % (3 * d) >= 2 * d); // v: the last d of each row
      b.forEach((e, i) => expect(e, `${name}[${i}]`).toBeCloseTo(scaled(i) ? beta * a[i]! : a[i]!, 6));
    }
    // Its forward pass is Post-LN with the stream weighted by α: with α = 1 it would be Post-LN exactly.
    const alphaOne: BlockDefinition = { ...presetBlock('deepnorm'), branchInitGain: undefined, block: presetBlock('post-ln').block };
    const post = createModel(small(task), { block: alphaOne });
    expect(lossAndGrads(post, task).loss).toBeCloseTo(lossAndGrads(ref, task).loss, 5);
    post.dispose();
    expect(lossAndGrads(deep, task).loss).not.toBeCloseTo(lossAndGrads(ref, task).loss, 3);
  } finally {
    ref.dispose();
    deep.dispose();
  }
});

test('every preset passes the gradient check', () => {
  for (const id of BLOCK_PRESET_IDS) {
    const before = tf.memory().numTensors;
    expect(checkBlock(presetBlock(id)), id).toMatchObject({ ok: true });
    expect(tf.memory().numTensors, id).toBe(before);
  }
});

test('a preset loaded from its source text is the same block; a module without block() is refused by name', async () => {
  const task = copyTask(4, 3);
  const fromText = await loadBlockSource(presetSource('sandwich-ln'));
  const a = createModel(small(task), { block: fromText });
  const b = createModel(small(task), { block: presetBlock('sandwich-ln') });
  expect(lossAndGrads(a, task).loss).toBe(lossAndGrads(b, task).loss);
  expect([...a.params.keys()]).toContain('dec.1.ffn.blk.g2');
  a.dispose();
  b.dispose();
  await expect(loadBlockSource('export const x = 1;')).rejects.toThrow(/must export a function block\(tf, x, F, p, ctx\)/);
  await expect(loadBlockSource('export function block( {')).rejects.toThrow(SyntaxError);
  expect(() => createModel(small(task), { block: { block: (_tf, x) => x, params: () => ({ g: { shape: [0], init: 'ones' } }) } })).toThrow(
    BlockError,
  );
});

test('a few training steps with a preset: the loss falls, no tensor is left behind', async () => {
  const task = copyTask(4, 3);
  for (const id of ['rezero', 'deepnorm'] as const) {
    const model = createModel(small(task), { block: presetBlock(id) });
    const before = tf.memory().numTensors;
    const r = await train(model, task, { steps: 8, batchSize: 8, lr: 1e-2, seed: 3 });
    expect(r.status, id).toBe('done');
    expect(r.history.loss.at(-1)!, id).toBeLessThan(r.history.loss[0]!);
    expect(tf.memory().numTensors, id).toBe(before);
    // the stock per-layer report still groups the block's parameters by layer
    expect(r.layerNames).toEqual(['embed', 'dec.0', 'dec.1', 'out']);
    model.dispose();
  }
});

test("the instruments read a block model as the stock one: stream statistics, ‖F(x)‖/‖x‖, stream and parameter gradients (Pre-LN), and a step's time", async () => {
  const task = copyTask(4, 3);
  const ref = createModel({ ...small(task), norm: 'pre' });
  const custom = createModel(small(task), { block: presetBlock('pre-ln') });
  const close = (a: number, b: number, what: string) =>
    expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-4 * Math.abs(b) + 1e-6);
  try {
    const [fs, fc] = [forwardStats(ref, task), forwardStats(custom, task)];
    expect(Object.keys(fc.branchRatio)).toEqual(Object.keys(fs.branchRatio));
    for (const k of Object.keys(fs.branchRatio)) close(fc.branchRatio[k]!, fs.branchRatio[k]!, `branchRatio ${k}`);
    fs.layers.forEach((l, i) => close(fc.layers[i]!.norm, l.norm, `stream norm ${l.name}`));
    const [ss, sc] = [streamGradients(ref, task), streamGradients(custom, task)];
    ss.norms.forEach((n, i) => close(sc.norms[i]!, n, `stream gradient ${ss.points[i]}`));
    const [gs, gc] = [gradientNorms(ref, task), gradientNorms(custom, task)];
    expect(Object.keys(gc.byLayer)).toEqual(Object.keys(gs.byLayer));
    for (const k of Object.keys(gs.byLayer)) close(gc.byLayer[k]!, gs.byLayer[k]!, `gradient norm ${k}`);
    const t = await timeStep(custom, task, { batchSize: 4 }, 2);
    expect(t.msPerStep).toBeGreaterThan(0);
    expect([t.adds, t.norms]).toEqual([0, 0]); // a block's ops are not known from the configuration
  } finally {
    ref.dispose();
    custom.dispose();
  }
});

test("a training job carries its block as text (what a pool worker receives) and trains as the stock Post-LN's job", async () => {
  const job = {
    task: 'copy' as const,
    model: { dModel: 8, nHeads: 2, nLayers: 2, dFF: 16, seed: 5 },
    config: { steps: 4, batchSize: 4, seed: 1 },
    targetLoss: 0,
  };
  const before = tf.memory().numTensors;
  const stock = await runTargetJob({ ...job, model: { ...job.model, norm: 'post' } });
  const custom = await runTargetJob({ ...job, blockSource: presetSource('post-ln') });
  expect(custom.loss).toHaveLength(4);
  custom.loss.forEach((l, i) => expect(l).toBeCloseTo(stock.loss[i]!, 4));
  expect(tf.memory().numTensors).toBe(before);
});

test("a block's own 'glorot' matrix is drawn from the seeded generator by its name; a gated block passes the check", () => {
  const task = copyTask(4, 3);
  const gated: BlockDefinition = {
    params: ({ d }) => ({ w: { shape: [d, d], init: 'glorot' }, b: { shape: [d], init: -1 } }),
    block: (tf, x, F, p) => {
      const g = tf.sigmoid(tf.add(tf.matMul(x, p.w!), p.b!)); // a highway gate: carry x where g is small
      return tf.add(tf.mul(g, F(x)), tf.mul(tf.sub(1, g), x));
    },
  };
  const [a, b] = [createModel(small(task), { block: gated }), createModel(small(task), { block: gated })];
  const w = (m: Model, site: string) => Array.from(m.params.get(`${site}.blk.w`)!.dataSync());
  expect(w(a, 'dec.0.self')).toEqual(w(b, 'dec.0.self'));
  expect(w(a, 'dec.0.self')).not.toEqual(w(a, 'dec.0.ffn'));
  const bound = Math.sqrt(6 / 16); // Glorot-uniform, fans 8 and 8
  expect(Math.max(...w(a, 'dec.1.ffn').map(Math.abs))).toBeLessThanOrEqual(bound);
  expect(Array.from(a.params.get('dec.1.ffn.blk.b')!.dataSync())).toEqual(new Array(8).fill(-1));
  a.dispose();
  b.dispose();
  expect(checkBlock(gated)).toMatchObject({ ok: true });
});
