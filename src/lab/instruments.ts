// Instruments, all returning plain numbers: activation norm/std and relative residual ‖X − 1·meanᵀ‖/‖X‖
// per layer (Don21's rank-collapse measure), ‖F(x)‖/‖x‖ per sublayer, attention maps, gradient norms per
// layer, sublayer and parameter, the gradient of the loss with respect to the stream between blocks,
// parameter counts, and time per step with the measured share of the
// residual adds and the LayerNorms.
import * as tf from '@tensorflow/tfjs-core';
import { forward, maskedCrossEntropy, countParams, createModel, Probe, type Model } from './model';
import { encodeBatch, type RawBatch, type Task } from './tasks';
import { layerOf, sublayerOf, paramCountFormula, sublayersOf } from './params';
import { normalize } from './norms';
import { train, median } from './train';
import type { TrainConfig } from './config';
import { makeRng } from './rng';

export interface BatchOptions {
  batchSize?: number;
  /** Data seed. */
  seed?: number;
  lossOn?: 'answer' | 'all';
  /** These sequences instead of a batch drawn from the seed (the decoder reads the answer shifted right behind BOS). */
  batch?: RawBatch;
}

function batchFor(model: Model, task: Task, o: BatchOptions) {
  const raw = o.batch ?? task.sample(makeRng(o.seed ?? 1).fork('instrument'), o.batchSize ?? 32);
  return encodeBatch(task, model.config, raw, o.lossOn ?? 'answer');
}

export interface LayerStats {
  /** 'dec.input' (embedding + positions), then 'dec.0', 'dec.1', … (each block's output); 'enc.*' likewise. */
  name: string;
  /** Mean L2 norm of a token vector. */
  norm: number;
  /** Standard deviation of all entries. */
  std: number;
  /** ‖X − 1·meanᵀ‖_F / ‖X‖_F per example, averaged: 0 means every token carries the same vector. */
  relResidual: number;
  /** Mean over tokens of ⟨x, x₀⟩/⟨x₀, x₀⟩, x₀ the token's vector entering the stack: the input's coefficient in the stream. */
  inputCoefficient: number;
  /** Mean over tokens of cos(x, x₀). */
  inputCosine: number;
}

export interface ForwardStats {
  layers: LayerStats[];
  /** ‖F(x)‖/‖x‖ per sublayer ('dec.0.self', 'dec.0.ffn', …), x the stream entering the sublayer. */
  branchRatio: Record<string, number>;
  /** Per sublayer: mean over tokens of μ²/mean(x²) of the stream entering it (what LayerNorm's re-centring removes). */
  meanShare: Record<string, number>;
  /** Attention weights, mean over the batch's examples, [head][query][key], per attention sublayer (if requested). */
  attention: Record<string, number[][][]>;
}

export function forwardStats(
  model: Model,
  task: Task,
  o: BatchOptions & { attention?: boolean; lesion?: Iterable<string> } = {},
): ForwardStats {
  const batch = batchFor(model, task, o);
  const probe = new Probe(o.attention ?? false);
  try {
    tf.tidy(() => {
      forward(
        model,
        { B: batch.B, T: batch.T, S: batch.S, decIn: batch.decIn, encIn: batch.encIn },
        { probe, lesion: o.lesion ? new Set(o.lesion) : undefined },
      );
    });
  } catch (e) {
    probe.dispose();
    throw e;
  }
  const { scalars, attention } = probe.read();
  const layers: LayerStats[] = [];
  const branchRatio: Record<string, number> = {};
  const meanShare: Record<string, number> = {};
  for (const [key, value] of Object.entries(scalars)) {
    const [name, stat] = key.split(':') as [string, string];
    if (stat === 'branchRatio') branchRatio[name] = value;
    else if (stat === 'meanShare') meanShare[name] = value;
    else {
      let row = layers.find((l) => l.name === name);
      if (!row) layers.push((row = { name, norm: NaN, std: NaN, relResidual: NaN, inputCoefficient: NaN, inputCosine: NaN }));
      (row as unknown as Record<string, number>)[stat] = value;
    }
  }
  return { layers, branchRatio, meanShare, attention };
}

/**
 * Attention weights of every attention sublayer ('enc.0.self', 'dec.0.self', 'dec.0.cross', …) on one batch,
 * averaged over its heads and examples: [query][key] (for the cross-attention: target position × source position).
 */
export function attentionMaps(model: Model, task: Task, o: BatchOptions = {}): Record<string, number[][]> {
  const { attention } = forwardStats(model, task, { ...o, attention: true });
  const meanOverHeads = (heads: number[][][]) =>
    heads[0]!.map((row, q) => row.map((_, k) => heads.reduce((a, h) => a + h[q]![k]!, 0) / heads.length));
  return Object.fromEntries(Object.entries(attention).map(([name, heads]) => [name, meanOverHeads(heads)]));
}

export interface GradientNorms {
  loss: number;
  global: number;
  /** By layer group: 'embed', 'enc.<l>', 'dec.<l>', 'enc.final', 'out'. */
  byLayer: Record<string, number>;
  /** By sublayer ('dec.2.ffn'), including its norm and connection parameters. */
  bySublayer: Record<string, number>;
  byParam: Record<string, number>;
}

/** Gradient norms of the loss on one batch, without updating the model. */
export function gradientNorms(model: Model, task: Task, o: BatchOptions = {}): GradientNorms {
  const batch = batchFor(model, task, o);
  const names = [...model.params.keys()];
  const vars = names.map((n) => model.params.get(n)!);
  const packed = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(
      () =>
        maskedCrossEntropy(
          forward(model, { B: batch.B, T: batch.T, S: batch.S, decIn: batch.decIn, encIn: batch.encIn }),
          batch.target,
          batch.mask,
        ),
      vars,
    );
    return tf.concat([tf.reshape(value, [1]), tf.stack(vars.map((v) => tf.sum(tf.square(grads[v.name]!))))]);
  });
  const data = packed.dataSync();
  packed.dispose();
  const byParam: Record<string, number> = {};
  const layerSq: Record<string, number> = {};
  const subSq: Record<string, number> = {};
  let total = 0;
  names.forEach((n, i) => {
    const sq = data[i + 1]!;
    byParam[n] = Math.sqrt(sq);
    layerSq[layerOf(n)] = (layerSq[layerOf(n)] ?? 0) + sq;
    subSq[sublayerOf(n)] = (subSq[sublayerOf(n)] ?? 0) + sq;
    total += sq;
  });
  const sqrtAll = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.sqrt(v)]));
  return { loss: data[0]!, global: Math.sqrt(total), byLayer: sqrtAll(layerSq), bySublayer: sqrtAll(subSq), byParam };
}

export interface StreamGradients {
  loss: number;
  /** Where each gradient is taken: 'dec.input' (the embedding + positions entering block 0), then 'dec.<l>' (block l's output). */
  points: string[];
  /** ∂loss/∂x at each point, row-major [B·T, d] (token vectors of the whole batch). */
  gradients: Float32Array[];
  /** Frobenius norm of each gradient. */
  norms: number[];
}

/**
 * The gradient of the loss with respect to the decoder's stream x_l between blocks, on one batch, without
 * updating the model: ∂loss/∂x_l is what reaches block l from above (what "the gradient reaching a layer"
 * means), as opposed to ∂loss/∂θ_l, which also scales with the activations the weights multiply. A zero
 * tensor is added to the stream at each point, and its gradient is taken.
 */
export function streamGradients(model: Model, task: Task, o: BatchOptions = {}): StreamGradients {
  if (model.config.arch !== 'decoder')
    throw new Error(`streamGradients measures a decoder-only stack; this model is '${model.config.arch}'`);
  const batch = batchFor(model, task, o);
  const points = ['dec.input', ...Array.from({ length: model.config.nLayers }, (_, l) => `dec.${l}`)];
  const rows = batch.B * batch.T;
  const zeros = points.map(() => tf.zeros([rows, model.config.dModel]));
  try {
    const { value, grads } = tf.tidy(() => {
      const loss = (...offsets: tf.Tensor[]) =>
        maskedCrossEntropy(
          forward(
            model,
            { B: batch.B, T: batch.T, decIn: batch.decIn },
            { streamOffsets: new Map(points.map((p, i) => [p, offsets[i]!])) },
          ),
          batch.target,
          batch.mask,
        );
      return tf.valueAndGrads(loss)(zeros);
    });
    const gradients = grads.map((g) => g.dataSync() as Float32Array);
    const loss = value.dataSync()[0]!;
    tf.dispose([value, ...grads]);
    const norms = gradients.map((g) => Math.sqrt(g.reduce((a, x) => a + x * x, 0)));
    return { loss, points, gradients, norms };
  } finally {
    tf.dispose(zeros);
  }
}

export interface ParamCounts {
  total: number;
  /** The closed-form count from the configuration (equal to total). */
  formula: number;
  byLayer: Record<string, number>;
  byParam: Record<string, number>;
}

export function paramCounts(model: Model): ParamCounts {
  const byParam: Record<string, number> = {};
  const byLayer: Record<string, number> = {};
  for (const [n, v] of model.params) {
    byParam[n] = v.size;
    byLayer[layerOf(n)] = (byLayer[layerOf(n)] ?? 0) + v.size;
  }
  return { total: countParams(model), formula: paramCountFormula(model.config), byLayer, byParam };
}

export interface StepTiming {
  /** Median ms per training step. */
  msPerStep: number;
  /**
   * Measured ms per step spent in the residual adds (forward and backward), and in the norms (of the model's kind);
   * 0 with a custom block, whose ops the configuration does not tell.
   */
  msAdd: number;
  msNorm: number;
  shareAdd: number;
  shareNorm: number;
  adds: number;
  norms: number;
}

/**
 * Time training steps on a fresh model of the same configuration (the given model is untouched), then
 * time the same number of adds and LayerNorms at the same shapes, forward and backward, on their own.
 */
export async function timeStep(model: Model, task: Task, trainCfg: Partial<TrainConfig> = {}, reps = 10): Promise<StepTiming> {
  const cfg = model.config;
  const tmp = createModel(cfg, { block: model.block });
  const batchSize = trainCfg.batchSize ?? 32;
  let msPerStep: number;
  try {
    msPerStep = (await train(tmp, task, { ...trainCfg, steps: reps + 1, batchSize })).medianMsPerStep;
  } finally {
    tmp.dispose();
  }
  const T = encodeBatch(task, cfg, task.sample(makeRng(0), 1)).T;
  // Encoder ops are timed at the decoder's length T: exact for decoder-only, close for encoder–decoder.
  const subDec = sublayersOf('dec', cfg).length * cfg.nLayers;
  const subEnc = cfg.arch === 'encdec' ? 2 * cfg.nEncLayers : 0;
  const stock = !model.block;
  const adds = stock && cfg.connection === 'residual' ? subDec + subEnc : 0;
  const finals = cfg.finalNorm ? (cfg.nLayers > 0 ? 1 : 0) + (subEnc > 0 ? 1 : 0) : 0;
  const norms = stock ? (cfg.norm !== 'none' ? subDec + subEnc : 0) + finals : 0;
  const rows = batchSize * T;
  const d = cfg.dModel;
  const timeOps = (n: number, op: (x: tf.Tensor2D, y: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor) => tf.Tensor2D): number => {
    if (n === 0) return 0;
    const r = makeRng(7);
    const mk = (shape: number[]) =>
      tf.tidy(() =>
        tf.variable(
          tf.tensor(
            Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.normal()),
            shape,
          ),
        ),
      );
    const x = mk([rows, d]);
    const y = mk([rows, d]);
    const g = mk([d]);
    const b = mk([d]);
    const run = (withOp: boolean) => {
      const t0 = performance.now();
      const out = tf.tidy(() => {
        const { grads } = tf.variableGrads(() => {
          let h = x as tf.Tensor as tf.Tensor2D;
          for (let i = 0; i < n; i++) h = withOp ? op(h, y as tf.Tensor as tf.Tensor2D, g, b) : h;
          return tf.sum(tf.mul(h, y)) as tf.Scalar;
        }, [x, y, g, b]);
        return tf.stack(Object.values(grads).map((t) => tf.sum(t)));
      });
      out.dataSync();
      out.dispose();
      return performance.now() - t0;
    };
    run(true);
    const withOp: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < reps; i++) {
      withOp.push(run(true));
      without.push(run(false));
    }
    tf.dispose([x, y, g, b]);
    return Math.max(0, median(withOp) - median(without));
  };

  const msAdd = timeOps(adds, (h, y) => tf.add(h, y));
  const msNorm = timeOps(norms, (h, _y, g, b) => normalize(cfg.normKind, h, g, b));
  return { msPerStep, msAdd, msNorm, shareAdd: msAdd / msPerStep, shareNorm: msNorm / msPerStep, adds, norms };
}

/** Decoder blocks in order: 'dec.0', 'dec.1', … */
export function decoderBlocks(model: Model): string[] {
  return Array.from({ length: model.config.nLayers }, (_, l) => `dec.${l}`);
}

/** Number of TF.js kernels (operations) one forward + backward pass executes. */
export async function opsPerStep(model: Model, task: Task): Promise<number> {
  const batch = batchFor(model, task, { seed: 0, batchSize: 8 });
  const vars = [...model.params.values()];
  const info = await tf.profile(() => {
    const { value, grads } = tf.variableGrads(
      () => maskedCrossEntropy(forward(model, { B: batch.B, T: batch.T, decIn: batch.decIn }), batch.target, batch.mask),
      vars,
    );
    tf.dispose([value, ...Object.values(grads)]);
  });
  return info.kernels.length;
}

/** The four attention matrices of one block, W^Q, W^K, W^V (split from the fused projection) and W^O. */
export type AttentionMatrices<T> = {
  WQ: T;
  WK: T;
  WV: T;
  WO: T;
};

/** Rows of a [d, 3d] fused Q/K/V matrix split into its three [d, d] column blocks (Q, K, V in that order). */
function splitQkv(flat: ArrayLike<number>, d: number): [number[], number[], number[]] {
  const parts: [number[], number[], number[]] = [[], [], []];
  for (let r = 0; r < d; r++) for (let c = 0; c < 3 * d; c++) parts[Math.floor(c / d) as 0 | 1 | 2].push(flat[r * 3 * d + c]!);
  return parts;
}

const l2 = (xs: readonly number[]) => Math.sqrt(xs.reduce((a, x) => a + x * x, 0));

/** ‖∂loss/∂W‖ of W^Q, W^K, W^V, W^O per decoder block, on one batch. */
export function attentionGradients(model: Model, task: Task, o: BatchOptions = {}): Record<string, AttentionMatrices<number>> {
  const batch = batchFor(model, task, o);
  const d = model.config.dModel;
  const blocks = decoderBlocks(model);
  const vars = blocks.flatMap((b) => [`${b}.self.wqkv`, `${b}.self.wo`]).map((n) => model.params.get(n)!);
  const grads = tf.tidy(() => {
    const { grads: g } = tf.variableGrads(
      () => maskedCrossEntropy(forward(model, { B: batch.B, T: batch.T, decIn: batch.decIn }), batch.target, batch.mask),
      vars,
    );
    return vars.map((v) => tf.keep(g[v.name]!));
  });
  const out: Record<string, AttentionMatrices<number>> = {};
  blocks.forEach((b, i) => {
    const [q, k, v] = splitQkv(grads[2 * i]!.dataSync(), d);
    out[b] = { WQ: l2(q), WK: l2(k), WV: l2(v), WO: l2(Array.from(grads[2 * i + 1]!.dataSync())) };
  });
  tf.dispose(grads);
  return out;
}

/** A copy of W^Q, W^K, W^V, W^O per decoder block, as flat arrays (to measure how far training moves them). */
export function attentionWeights(model: Model): Record<string, AttentionMatrices<number[]>> {
  const d = model.config.dModel;
  const out: Record<string, AttentionMatrices<number[]>> = {};
  for (const b of decoderBlocks(model)) {
    const [q, k, v] = splitQkv(model.params.get(`${b}.self.wqkv`)!.dataSync(), d);
    out[b] = { WQ: q, WK: k, WV: v, WO: Array.from(model.params.get(`${b}.self.wo`)!.dataSync()) };
  }
  return out;
}
