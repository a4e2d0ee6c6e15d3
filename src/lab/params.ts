// Parameters: the list of named shapes a configuration needs, seeded Glorot-uniform initialization
// (Glo10), and parameter counts both from the created tensors and from closed-form formulas.
// Names: 'embed', 'pos', 'out.w', 'out.b', '<stack>.<layer>.<sublayer>.<param>' with stack enc|dec,
// sublayer self|cross|ffn, param wqkv bqkv wq bq wkv bkv wo bo w1 b1 w2 b2 ln_g ln_b cat_w cat_b gate_w gate_b alpha,
// and 'dec.final_ln.g/b', 'enc.final_ln.g/b'. ln_g/ln_b are the gain and bias of whichever norm kind is chosen
// (RMSNorm has no bias); alpha is ReZero's branch scale. With a custom block (custom-block.ts) the stock wrapper's
// parameters (ln_g ln_b alpha cat_* gate_*, final_ln) are not created: the block's own ones are, named
// '<stack>.<layer>.<sublayer>.blk.<name>' and '<stack>.final.blk.<name>'.
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from './config';
import { blockParamSpecs, type BlockDefinition, type BlockInit } from './custom-block';
import { makeRng } from './rng';

/** 'stacked-identity': a [k·n, n] matrix of k identity blocks, so [x₁, …, x_k]·W = x₁ + … + x_k. */
export type Init = { kind: 'glorot'; fanIn: number; fanOut: number } | { kind: 'const'; value: number } | { kind: 'stacked-identity' };

export interface ParamSpec {
  name: string;
  shape: number[];
  init: Init;
}

export type SublayerKind = 'self' | 'cross' | 'ffn';

/** Sublayers of one block, in order. */
export function sublayersOf(stack: 'enc' | 'dec', cfg: ModelConfig): SublayerKind[] {
  return stack === 'dec' && cfg.arch === 'encdec' ? ['self', 'cross', 'ffn'] : ['self', 'ffn'];
}

/** A custom block's init as the lab's: 'glorot' takes its fans from the 2-D shape. */
function blockInit(init: BlockInit, shape: number[]): Init {
  if (init === 'glorot') return { kind: 'glorot', fanIn: shape[0]!, fanOut: shape[1]! };
  return { kind: 'const', value: init === 'zeros' ? 0 : init === 'ones' ? 1 : init };
}

/** The parameters a configuration needs; with a custom block, the block's replace the stock wrapper's. */
export function paramSpecs(cfg: ModelConfig, block?: BlockDefinition): ParamSpec[] {
  const d = cfg.dModel;
  const specs: ParamSpec[] = [];
  const glorot = (name: string, shape: number[], fanIn = shape[0]!, fanOut = shape[1]!) =>
    specs.push({ name, shape, init: { kind: 'glorot', fanIn, fanOut } });
  const constant = (name: string, shape: number[], value: number) => specs.push({ name, shape, init: { kind: 'const', value } });
  const blockSpecs = (prefix: string, ctx: Parameters<typeof blockParamSpecs>[1]) => {
    for (const [k, s] of Object.entries(blockParamSpecs(block!, ctx)))
      specs.push({ name: `${prefix}blk.${k}`, shape: s.shape, init: blockInit(s.init, s.shape) });
  };
  glorot('embed', [cfg.vocabSize, d]);
  if (cfg.positions === 'learned') glorot('pos', [cfg.maxLen, d]);
  const stacks: ['enc' | 'dec', number][] = [
    ['enc', cfg.arch === 'encdec' ? cfg.nEncLayers : 0],
    ['dec', cfg.nLayers],
  ];
  for (const [stack, n] of stacks) {
    for (let l = 0; l < n; l++) {
      for (const sub of sublayersOf(stack, cfg)) {
        const p = `${stack}.${l}.${sub}.`;
        if (sub === 'self') {
          glorot(p + 'wqkv', [d, 3 * d], d, d); // fused Q,K,V: Glorot fans of each d×d part
          constant(p + 'bqkv', [3 * d], 0);
        } else if (sub === 'cross') {
          glorot(p + 'wq', [d, d]);
          constant(p + 'bq', [d], 0);
          glorot(p + 'wkv', [d, 2 * d], d, d);
          constant(p + 'bkv', [2 * d], 0);
        }
        if (sub !== 'ffn') {
          glorot(p + 'wo', [d, d]);
          constant(p + 'bo', [d], 0);
        } else {
          glorot(p + 'w1', [d, cfg.dFF]);
          constant(p + 'b1', [cfg.dFF], 0);
          glorot(p + 'w2', [cfg.dFF, d]);
          constant(p + 'b2', [d], 0);
        }
        if (block) {
          blockSpecs(p, { d, nLayers: n, layer: l, sublayer: sub });
          continue;
        }
        if (cfg.norm !== 'none') {
          constant(p + 'ln_g', [d], 1);
          if (cfg.normKind !== 'rms') constant(p + 'ln_b', [d], 0);
        }
        if (cfg.rezero) constant(p + 'alpha', [1], 0);
        if (cfg.connection === 'concat') {
          if (cfg.concatInit === 'identity') specs.push({ name: p + 'cat_w', shape: [2 * d, d], init: { kind: 'stacked-identity' } });
          else glorot(p + 'cat_w', [2 * d, d]);
          constant(p + 'cat_b', [d], 0);
        } else if (cfg.connection === 'highway') {
          glorot(p + 'gate_w', [d, d]);
          constant(p + 'gate_b', [d], -1); // bias toward carrying x at init, as Sri15 recommends
        }
      }
    }
    if (block) {
      if (n > 0 && block.finalNorm) blockSpecs(`${stack}.final.`, { d, nLayers: n, layer: -1, sublayer: 'final' });
    } else if (n > 0 && cfg.finalNorm) {
      constant(`${stack}.final_ln.g`, [d], 1);
      if (cfg.normKind !== 'rms') constant(`${stack}.final_ln.b`, [d], 0);
    }
  }
  if (!cfg.tiedOutput) glorot('out.w', [d, cfg.vocabSize]);
  constant('out.b', [cfg.vocabSize], 0);
  return specs;
}

/** Create the parameters as tf.Variables, initialized from cfg.seed (each by its own named stream). */
export function createParams(cfg: ModelConfig, specs: ParamSpec[] = paramSpecs(cfg)): Map<string, tf.Variable> {
  const rng = makeRng(cfg.seed);
  const params = new Map<string, tf.Variable>();
  for (const s of specs) {
    const size = s.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    if (s.init.kind === 'const') values.fill(s.init.value);
    else if (s.init.kind === 'stacked-identity') {
      const n = s.shape[1]!;
      for (let r = 0; r < s.shape[0]!; r++) values[r * n + (r % n)] = 1;
    } else {
      const r = rng.fork(s.name); // adding a parameter does not change the others' values
      const a = Math.sqrt(6 / (s.init.fanIn + s.init.fanOut));
      for (let i = 0; i < size; i++) values[i] = (2 * r.next() - 1) * a;
    }
    params.set(
      s.name,
      tf.tidy(() => tf.variable(tf.tensor(values, s.shape, 'float32'), true)),
    );
  }
  return params;
}

/** Group of a parameter for per-layer reports: 'embed' | 'enc.<l>' | 'dec.<l>' | 'out'. */
export function layerOf(name: string): string {
  const m = /^(enc|dec)\.(\d+)\./.exec(name);
  if (m) return `${m[1]}.${m[2]}`;
  if (name === 'embed' || name === 'pos') return 'embed';
  if (name.startsWith('enc.final_ln') || name.startsWith('enc.final.')) return 'enc.final';
  return 'out'; // out.w, out.b, dec.final_ln
}

/** Sublayer of a parameter ('dec.2.ffn'), or its layer group when it belongs to none. */
export function sublayerOf(name: string): string {
  const m = /^((enc|dec)\.\d+\.(self|cross|ffn))\./.exec(name);
  return m ? m[1]! : layerOf(name);
}

/** Closed-form parameter count (what the tests compare with the created tensors). */
export function paramCountFormula(cfg: ModelConfig): number {
  const d = cfg.dModel;
  const V = cfg.vocabSize;
  const attn = 4 * d * d + 4 * d; // Q, K, V, O weights and biases
  const ffn = 2 * d * cfg.dFF + cfg.dFF + d;
  const normParams = cfg.normKind === 'rms' ? d : 2 * d; // RMSNorm: gain only
  const perSublayerExtra =
    (cfg.norm !== 'none' ? normParams : 0) +
    (cfg.rezero ? 1 : 0) +
    (cfg.connection === 'concat' ? 2 * d * d + d : cfg.connection === 'highway' ? d * d + d : 0);
  const enc = cfg.arch === 'encdec' ? cfg.nEncLayers : 0;
  const encBlock = attn + ffn + 2 * perSublayerExtra;
  const decBlock = cfg.arch === 'encdec' ? 2 * attn + ffn + 3 * perSublayerExtra : attn + ffn + 2 * perSublayerExtra;
  const finals = cfg.finalNorm ? normParams * ((cfg.nLayers > 0 ? 1 : 0) + (enc > 0 ? 1 : 0)) : 0;
  return (
    V * d +
    (cfg.positions === 'learned' ? cfg.maxLen * d : 0) +
    enc * encBlock +
    cfg.nLayers * decBlock +
    finals +
    (cfg.tiedOutput ? 0 : d * V) +
    V
  );
}
