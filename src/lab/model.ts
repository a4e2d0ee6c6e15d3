// The Transformer: decoder-only or encoder–decoder forward pass over the parameters of params.ts.
// Embedding is oneHot·matMul (WASM has no gradient for tf.gather), scaled by √d (Vas17 §3.4), plus
// sinusoidal or learned positions. A Probe, when given, records per-layer statistics and attention maps.
import * as tf from '@tensorflow/tfjs-core';
import { type ModelConfig, resolveModelConfig } from './config';
import { createParams, sublayersOf, paramCountFormula, paramSpecs } from './params';
import { selfAttention, crossAttention, feedForward, dense, matMul2d, type KeyValueCache } from './layers';
import { logSoftmaxKernel } from './kernels/log-softmax';
import { wrapSublayer } from './connection';
import { applyBlock, applyFinalNorm, scaleBranchInit, type BlockDefinition, type BlockParams } from './custom-block';
import { normalize, siteNorm, type BatchStats, type BatchStatsMode } from './norms';
import type { Rng } from './rng';

export interface Model {
  config: ModelConfig;
  /** Parameter variables by name (see params.ts for the naming scheme). */
  params: Map<string, tf.Variable>;
  /** BatchNorm's running statistics by site, once estimated (outputs.ts); disposed with the model. */
  batchStats?: Map<string, BatchStats>;
  /**
   * A custom block (custom-block.ts) that wraps every sublayer instead of wrapSublayer, and whose finalNorm (if any)
   * replaces the stock final norm. The wrapper fields of config (connection, concatInit, norm, normKind, branchScale,
   * rezero, finalNorm) are then unused and their parameters are not created.
   */
  block?: BlockDefinition;
  dispose(): void;
}

export interface CreateModelOptions {
  /** A custom block in place of the stock wrapper (see Model.block). */
  block?: BlockDefinition;
}

export function createModel(partial: Parameters<typeof resolveModelConfig>[0], { block }: CreateModelOptions = {}): Model {
  const config = resolveModelConfig(partial);
  const params = createParams(config, paramSpecs(config, block));
  if (block) {
    try {
      scaleBranchInit(params, config, block);
    } catch (err) {
      for (const v of params.values()) v.dispose();
      throw err;
    }
  }
  let disposed = false;
  const model: Model = {
    config,
    params,
    ...(block ? { block } : {}),
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const v of params.values()) v.dispose();
      for (const s of model.batchStats?.values() ?? []) tf.dispose([s.mean, s.variance]);
    },
  };
  return model;
}

/** Total parameter count from the created tensors (compare with paramCountFormula). */
export function countParams(model: Model): number {
  let n = 0;
  for (const v of model.params.values()) n += v.size;
  return n;
}
export { paramCountFormula };

/** Integer inputs for one forward pass (row-major [B, T] and [B, S]). */
export interface ForwardInput {
  B: number;
  T: number;
  decIn: Int32Array;
  S?: number;
  encIn?: Int32Array;
}

export interface ForwardOptions {
  /** Blocks ('dec.2') or sublayers ('dec.2.ffn') replaced by the identity. */
  lesion?: ReadonlySet<string>;
  probe?: Probe;
  /**
   * Tensors [B·T, d] added to the stream at named points ('dec.input' after the embedding, 'dec.<l>' after
   * block l). Added as zeros, their gradient is ∂loss/∂x at that point (the stream-gradient instrument).
   */
  streamOffsets?: ReadonlyMap<string, tf.Tensor>;
  /**
   * The encoder's output for this batch (encode()), when the caller runs the decoder several times on the same
   * source (free-running decoding, once per position): the same numbers, without recomputing the encoder each time.
   */
  memory?: tf.Tensor2D;
  /** BatchNorm only: record each norm's batch statistics, or normalize with given (running) ones; see norms.ts. */
  batchStats?: BatchStatsMode;
  /**
   * Decoding one position at a time (evaluate.ts): each decoder self-attention keeps its keys and values here (by
   * sublayer name), and input.decIn holds the new positions only, the first of them at `position`.
   */
  keyValues?: Map<string, KeyValueCache>;
  position?: number;
  /**
   * Dropout (training only): zero each entry of the embedding sum and of every sublayer's output ('branch', Vas17's
   * residual dropout) or of the stream after each add ('stream') with this rate, and scale the rest by 1/(1 − rate).
   */
  dropout?: { rate: number; on: 'branch' | 'stream'; rng: Rng };
}

/** Inverted dropout with a mask drawn from the lab's seeded generator (so a run is reproducible per seed). */
// #region dropout
function dropout(h: tf.Tensor2D, drop: ForwardOptions['dropout']): tf.Tensor2D {
  if (!drop || drop.rate === 0) return h;
  const keep = 1 / (1 - drop.rate);
  const mask = new Float32Array(h.size);
  for (let i = 0; i < mask.length; i++) mask[i] = drop.rng.next() < drop.rate ? 0 : keep;
  return tf.mul(h, tf.tensor2d(mask, h.shape));
}
// #endregion dropout

/**
 * Collects scalar statistics and attention maps as kept tensors during a forward pass; read() turns them
 * into plain numbers with one sync and disposes them.
 */
export class Probe {
  private names: string[] = [];
  private values: tf.Tensor[] = [];
  private maps: [string, tf.Tensor][] = [];
  constructor(readonly attention = false) {}
  scalar(name: string, t: tf.Tensor): void {
    this.names.push(name);
    this.values.push(tf.keep(t));
  }
  /**
   * Stream statistics of X [B·T, d]: mean token norm, std of entries, relative residual ‖X − 1·meanᵀ‖/‖X‖; and,
   * against the stack's input X₀, each token's coefficient on its own input vector ⟨x, x₀⟩/⟨x₀, x₀⟩ (how much of
   * x₀ the stream still holds: 1 when x₀ is carried unscaled and the rest is orthogonal to it) and cos(x, x₀).
   */
  stream(name: string, x: tf.Tensor2D, B: number, T: number, input?: tf.Tensor2D): void {
    if (input) {
      const dot = tf.sum(tf.mul(x, input), -1);
      const inputSq = tf.sum(tf.square(input), -1);
      this.scalar(`${name}:inputCoefficient`, tf.mean(tf.div(dot, tf.add(inputSq, 1e-30))));
      this.scalar(`${name}:inputCosine`, tf.mean(tf.div(dot, tf.add(tf.sqrt(tf.mul(inputSq, tf.sum(tf.square(x), -1))), 1e-30))));
    }
    const x3 = tf.reshape(x, [B, T, -1]);
    const tokNorm = tf.sqrt(tf.sum(tf.square(x3), -1));
    this.scalar(`${name}:norm`, tf.mean(tokNorm));
    this.scalar(`${name}:std`, tf.sqrt(tf.mean(tf.square(tf.sub(x, tf.mean(x))))));
    const centered = tf.sub(x3, tf.mean(x3, 1, true)); // per example, remove the mean token (Don21)
    const rel = tf.div(tf.sqrt(tf.sum(tf.square(centered), [1, 2])), tf.add(tf.sqrt(tf.sum(tf.square(x3), [1, 2])), 1e-30));
    this.scalar(`${name}:relResidual`, tf.mean(rel));
  }
  /**
   * The share of each token's mean square that is its mean, μ²/mean(x²) over the features of the stream x entering a
   * sublayer, averaged over tokens: what LayerNorm's re-centring removes and RMSNorm keeps (Pre-LN: x is the norm's input).
   */
  meanShare(name: string, x: tf.Tensor2D): void {
    const mu = tf.mean(x, -1);
    this.scalar(`${name}:meanShare`, tf.mean(tf.div(tf.square(mu), tf.add(tf.mean(tf.square(x), -1), 1e-30))));
  }
  /** Attention weights w [B,H,Tq,Tk] of one sublayer, kept as their mean over the batch's examples: [H,Tq,Tk]. */
  attentionMap(name: string, w: tf.Tensor4D): void {
    if (this.attention) this.maps.push([name, tf.keep(tf.mean(w, 0))]);
  }
  read(): { scalars: Record<string, number>; attention: Record<string, number[][][]> } {
    const scalars: Record<string, number> = {};
    if (this.values.length) {
      const packed = tf.tidy(() => tf.stack(this.values.map((v) => tf.reshape(v, []))));
      const data = packed.dataSync();
      packed.dispose();
      this.names.forEach((n, i) => (scalars[n] = data[i]!));
    }
    const attention: Record<string, number[][][]> = {};
    for (const [n, t] of this.maps) attention[n] = t.arraySync() as number[][][];
    this.dispose();
    return { scalars, attention };
  }
  dispose(): void {
    tf.dispose(this.values);
    tf.dispose(this.maps.map((m) => m[1]));
    this.names = [];
    this.values = [];
    this.maps = [];
  }
}

/** Sinusoidal position table [T, d] (Vas17 §3.5). */
export function sinusoidalPositions(T: number, d: number): tf.Tensor2D {
  const v = new Float32Array(T * d);
  for (let p = 0; p < T; p++)
    for (let i = 0; i < d; i++) {
      const angle = p / Math.pow(10000, (2 * Math.floor(i / 2)) / d);
      v[p * d + i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  return tf.tensor2d(v, [T, d]);
}

/** Embeddings [B·T, d] of ids [B·T] at positions from..from+T−1. */
function embed(model: Model, ids: Int32Array, B: number, T: number, from = 0): tf.Tensor2D {
  const { vocabSize: V, dModel: d } = model.config;
  if (from + T > model.config.maxLen) throw new Error(`sequence length ${from + T} exceeds maxLen ${model.config.maxLen}`);
  const P = model.params;
  const oneHot = tf.oneHot(tf.tensor1d(ids, 'int32'), V) as tf.Tensor2D;
  const tok = tf.reshape(tf.mul(matMul2d(oneHot, P.get('embed')! as tf.Tensor2D), Math.sqrt(d)), [B, T, d]);
  const pos =
    model.config.positions === 'learned'
      ? tf.slice(P.get('pos')!, [from, 0], [T, d])
      : from === 0
        ? sinusoidalPositions(T, d)
        : tf.slice(sinusoidalPositions(from + T, d), [from, 0], [T, d]); // each row is computed alike whatever the length
  return tf.reshape(tf.add(tok, pos), [B * T, d]) as tf.Tensor2D;
}

/** A custom block's parameters of one site ('dec.0.self.'), by their names in the block ('g' for 'dec.0.self.blk.g'). */
function blockParams(P: Map<string, tf.Variable>, prefix: string): BlockParams {
  const p: BlockParams = {};
  const head = `${prefix}blk.`;
  for (const [name, v] of P) if (name.startsWith(head)) p[name.slice(head.length)] = v;
  return p;
}

function runStack(
  model: Model,
  stack: 'enc' | 'dec',
  x: tf.Tensor2D,
  B: number,
  T: number,
  nLayers: number,
  causal: boolean,
  mem: tf.Tensor2D | null,
  S: number,
  opts: ForwardOptions,
): tf.Tensor2D {
  const cfg = model.config;
  const P = model.params;
  const probe = opts.probe;
  const offset = (point: string, h: tf.Tensor2D): tf.Tensor2D => {
    const z = opts.streamOffsets?.get(point);
    return z ? tf.add(h, z) : h;
  };
  x = offset(`${stack}.input`, dropout(x, opts.dropout));
  const input = x;
  probe?.stream(`${stack}.input`, x, B, T, input);
  for (let l = 0; l < nLayers; l++) {
    const block = `${stack}.${l}`;
    if (opts.lesion?.has(block)) {
      x = offset(block, x);
      probe?.stream(block, x, B, T, input);
      continue;
    }
    for (const sub of sublayersOf(stack, cfg)) {
      const name = `${block}.${sub}`;
      if (opts.lesion?.has(name)) continue;
      const g = (k: string) => P.get(`${name}.${k}`)!;
      const F = (h: tf.Tensor2D): tf.Tensor2D => {
        const onW = probe ? (w: tf.Tensor4D) => probe.attentionMap(name, w) : undefined;
        if (sub === 'self')
          return selfAttention(
            h,
            B,
            T,
            cfg.nHeads,
            { wqkv: g('wqkv'), bqkv: g('bqkv'), wo: g('wo'), bo: g('bo') },
            causal,
            onW,
            stack === 'dec' ? cacheOf(opts.keyValues, name) : undefined,
          );
        if (sub === 'cross')
          return crossAttention(
            h,
            mem!,
            B,
            T,
            S,
            cfg.nHeads,
            { wq: g('wq'), bq: g('bq'), wkv: g('wkv'), bkv: g('bkv'), wo: g('wo'), bo: g('bo') },
            onW,
          );
        return feedForward(h, { w1: g('w1'), b1: g('b1'), w2: g('w2'), b2: g('b2') });
      };
      const cp = {
        ln_g: P.get(`${name}.ln_g`),
        ln_b: P.get(`${name}.ln_b`),
        cat_w: P.get(`${name}.cat_w`),
        cat_b: P.get(`${name}.cat_b`),
        gate_w: P.get(`${name}.gate_w`),
        gate_b: P.get(`${name}.gate_b`),
        alpha: P.get(`${name}.alpha`),
      };
      const onBranch = probe
        ? (f: tf.Tensor2D, xin: tf.Tensor2D) => {
            probe.scalar(`${name}:branchRatio`, tf.div(tf.norm(f), tf.add(tf.norm(xin), 1e-30)));
            probe.meanShare(name, xin);
          }
        : undefined;
      const connection = stack === 'dec' && cfg.withoutResidual.includes(sub) ? 'none' : cfg.connection;
      /** The sublayer's Add & Norm: the model's own block when it has one (custom-block.ts), else the stock wrapper. */
      const addAndNorm = (h: tf.Tensor2D, branch: (h: tf.Tensor2D) => tf.Tensor2D): tf.Tensor2D =>
        model.block
          ? applyBlock(
              model.block,
              name,
              h,
              branch,
              blockParams(P, `${name}.`),
              { d: cfg.dModel, nLayers, layer: l, sublayer: sub },
              onBranch,
            )
          : wrapSublayer(h, branch, connection, cfg.norm, cp, onBranch, {
              normKind: cfg.normKind,
              branchScale: cfg.branchScale,
              norm: siteNorm(cfg.normKind, name, opts.batchStats, cp.ln_g, cp.ln_b),
            });
      // #region dropout-placement
      const dropped = opts.dropout?.on === 'branch' ? (h: tf.Tensor2D) => dropout(F(h), opts.dropout) : F;
      x = addAndNorm(x, dropped);
      if (opts.dropout?.on === 'stream') x = dropout(x, opts.dropout);
      // #endregion dropout-placement
    }
    x = offset(block, x);
    probe?.stream(block, x, B, T, input);
  }
  if (model.block) {
    if (nLayers > 0 && model.block.finalNorm)
      x = applyFinalNorm(model.block, `${stack}.final`, x, blockParams(P, `${stack}.final.`), {
        d: cfg.dModel,
        nLayers,
        layer: -1,
        sublayer: 'final',
      });
  } else if (nLayers > 0 && cfg.finalNorm) {
    const [g, b] = [P.get(`${stack}.final_ln.g`)!, P.get(`${stack}.final_ln.b`)];
    x = (siteNorm(cfg.normKind, `${stack}.final`, opts.batchStats, g, b) ?? ((h: tf.Tensor2D) => normalize(cfg.normKind, h, g, b)))(x);
  }
  return x;
}

/** The cache of one self-attention sublayer, made on first use. */
function cacheOf(all: Map<string, KeyValueCache> | undefined, name: string): KeyValueCache | undefined {
  if (!all) return undefined;
  if (!all.has(name)) all.set(name, {});
  return all.get(name);
}

/** Logits [B·T, V] for the decoder positions. Call inside tf.tidy (or a gradient function). */
export function forward(model: Model, input: ForwardInput, opts: ForwardOptions = {}): tf.Tensor2D {
  const cfg = model.config;
  const { B, T } = input;
  let mem: tf.Tensor2D | null = null;
  const S = input.S ?? 0;
  if (cfg.arch === 'encdec') {
    mem = opts.memory ?? encode(model, input, opts);
  }
  const h = runStack(model, 'dec', embed(model, input.decIn, B, T, opts.position), B, T, cfg.nLayers, cfg.causal, mem, S, opts);
  const P = model.params;
  return cfg.tiedOutput ? dense(h, tf.transpose(P.get('embed')!), P.get('out.b')!) : dense(h, P.get('out.w')!, P.get('out.b')!);
}

/** The encoder's output [B·S, d] of an encoder–decoder for the batch's source. */
export function encode(model: Model, input: ForwardInput, opts: ForwardOptions = {}): tf.Tensor2D {
  const S = input.S ?? 0;
  if (!input.encIn) throw new Error('an encoder–decoder model needs encIn');
  return runStack(model, 'enc', embed(model, input.encIn, input.B, S), input.B, S, model.config.nEncLayers, false, null, 0, opts);
}

/** Cross-entropy of each row of logits [N, V] against its integer target: [N]. */
export function tokenCrossEntropy(logits: tf.Tensor2D, targets: Int32Array): tf.Tensor1D {
  const V = logits.shape[1];
  const logp = logSoftmaxKernel(logits); // tf.logSoftmax's ops, as a kernel (kernels/log-softmax.ts)
  return tf.neg(tf.sum(tf.mul(logp, tf.oneHot(tf.tensor1d(targets, 'int32'), V)), 1)) as tf.Tensor1D;
}

/** Masked mean cross-entropy of logits [N, V] against integer targets [N] with weights mask [N]. */
export function maskedCrossEntropy(logits: tf.Tensor2D, targets: Int32Array, mask: Float32Array): tf.Scalar {
  const nll = tokenCrossEntropy(logits, targets);
  const m = tf.tensor1d(mask);
  return tf.div(
    tf.sum(tf.mul(nll, m)),
    Math.max(
      1e-9,
      mask.reduce((a, b) => a + b, 0),
    ),
  ) as tf.Scalar;
}
