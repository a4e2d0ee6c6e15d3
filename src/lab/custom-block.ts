// A custom block: a reader's own wrapper around each sublayer (the Add & Norm), written as a plain-JS module with
// the public tf API, that the model runs in place of wrapSublayer (connection.ts). A block module exports:
//
//   params(ctx)             → { name: { shape, init } }  the block's own parameters for one sublayer (optional)
//   block(tf, x, F, p, ctx) → y                          x: the stream [tokens, d]; F: the sublayer; y: [tokens, d]
//   finalParams(ctx)        → { name: { shape, init } }  parameters of the norm after the last block (optional)
//   finalNorm(tf, x, p, ctx)→ y                          that norm, e.g. Pre-LN's final LayerNorm (optional)
//   branchInitGain(ctx)     → β                          multiplies the Glorot init of the weights inside F that
//                                                         produce its output: the value projection, the attention
//                                                         output and both feed-forward weights (DeepNet's β; optional)
//
// `tf` is passed in (a module shown and edited in the page imports nothing, so it runs as a Blob module in the worker).
// Parameters are created per sublayer as '<stack>.<layer>.<sublayer>.blk.<name>' and, for the final norm,
// '<stack>.final.blk.<name>', from the model's seeded initializer like every other parameter (params.ts).
// An endless loop in a block cannot be caught here (the lab is synchronous): only the worker's timeout ends it.
import * as tf from '@tensorflow/tfjs-core';

/** The public tf API a block receives. */
export type Tf = typeof tf;

/** How a block parameter starts: all zeros, all ones, a constant, or Glorot-uniform from the seeded generator (2-D only). */
export type BlockInit = 'zeros' | 'ones' | 'glorot' | number;

export interface BlockParamSpec {
  shape: number[];
  init: BlockInit;
}

/** Where a block runs: width d, the stack's depth N (nLayers), and which sublayer of which layer. */
export interface BlockContext {
  d: number;
  nLayers: number;
  /** 0-based layer index; -1 for the final norm. */
  layer: number;
  sublayer: 'self' | 'cross' | 'ffn' | 'final';
}

export type Sublayer = (h: tf.Tensor2D) => tf.Tensor2D;
export type BlockParams = Record<string, tf.Tensor>;

/** The exports' types, for the presets' JSDoc (`/** @type {import('../custom-block').BlockFn} *\/`). */
export type ParamsFn = (ctx: BlockContext) => Record<string, BlockParamSpec>;
export type BlockFn = (tf: Tf, x: tf.Tensor2D, F: Sublayer, p: BlockParams, ctx: BlockContext) => tf.Tensor2D;
export type FinalNormFn = (tf: Tf, x: tf.Tensor2D, p: BlockParams, ctx: BlockContext) => tf.Tensor2D;
export type GainFn = (ctx: BlockContext) => number;
/** A norm helper a preset defines for itself: (tf, x, gain, bias) → normalized x. */
export type NormHelper = (tf: Tf, x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor) => tf.Tensor2D;

/** A loaded block module (see the header for what each export does). */
export interface BlockDefinition {
  params?: ParamsFn;
  block: BlockFn;
  finalParams?: ParamsFn;
  finalNorm?: FinalNormFn;
  branchInitGain?: GainFn;
}

/** A block module that is not usable as it stands, or a block that returned something the model cannot use. */
export class BlockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlockError';
  }
}

const EXPORTS = ['params', 'block', 'finalParams', 'finalNorm', 'branchInitGain'] as const;

/** Check a module's exports and return them as a BlockDefinition; throws BlockError naming what is wrong. */
export function toBlockDefinition(mod: Record<string, unknown>, label = 'the block module'): BlockDefinition {
  if (typeof mod.block !== 'function') throw new BlockError(`${label} must export a function block(tf, x, F, p, ctx)`);
  for (const name of EXPORTS)
    if (mod[name] !== undefined && typeof mod[name] !== 'function')
      throw new BlockError(`${label}: export '${name}' must be a function, got ${typeof mod[name]}`);
  if (mod.finalParams !== undefined && mod.finalNorm === undefined)
    throw new BlockError(`${label} exports finalParams but no finalNorm to use them`);
  const def: BlockDefinition = { block: mod.block as BlockDefinition['block'] };
  for (const name of EXPORTS) if (name !== 'block' && mod[name] !== undefined) Object.assign(def, { [name]: mod[name] });
  return def;
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

/**
 * Import a block from its source text (a module with no imports of its own): a Blob URL in a browser or worker,
 * a data: URL in Node. Syntax errors reject with the engine's message.
 */
export async function loadBlockSource(source: string, label = 'the block module'): Promise<BlockDefinition> {
  let url: string;
  let revoke = () => {};
  if (isNode || typeof Blob === 'undefined' || typeof URL.createObjectURL !== 'function') {
    url = `data:text/javascript,${encodeURIComponent(source)}`;
  } else {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    revoke = () => URL.revokeObjectURL(url);
  }
  try {
    return toBlockDefinition((await import(/* @vite-ignore */ url)) as Record<string, unknown>, label);
  } finally {
    revoke();
  }
}

/** '[4, 8]' for a shape, or what the value is when it is not a tensor. */
export function describeValue(v: unknown): string {
  if (v instanceof tf.Tensor) return `a tensor of shape [${v.shape.join(', ')}]`;
  if (v === undefined) return 'undefined (did the block forget to return y?)';
  if (v === null) return 'null';
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

/** Validate one parameter spec of a block; throws BlockError naming the export and the parameter. */
export function validateParamSpec(where: string, name: string, spec: unknown): BlockParamSpec {
  const s = spec as Partial<BlockParamSpec> | null;
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new BlockError(`${where}: parameter name '${name}' must be an identifier`);
  if (!s || !Array.isArray(s.shape) || s.shape.length === 0 || s.shape.some((n) => !Number.isInteger(n) || n < 1 || n > 65_536))
    throw new BlockError(`${where}: parameter '${name}' needs a shape of positive integers, e.g. { shape: [d], init: 'ones' }`);
  const init = s.init;
  if (!(init === 'zeros' || init === 'ones' || init === 'glorot' || (typeof init === 'number' && Number.isFinite(init))))
    throw new BlockError(
      `${where}: parameter '${name}' init must be 'zeros', 'ones', 'glorot' or a finite number, got ${JSON.stringify(init)}`,
    );
  if (init === 'glorot' && s.shape.length !== 2) throw new BlockError(`${where}: parameter '${name}' init 'glorot' needs a 2-D shape`);
  return { shape: s.shape, init };
}

/** The block's parameter specs for one site, validated (an empty record when the export is absent). */
export function blockParamSpecs(def: BlockDefinition, ctx: BlockContext): Record<string, BlockParamSpec> {
  const fn = ctx.sublayer === 'final' ? def.finalParams : def.params;
  const where = ctx.sublayer === 'final' ? 'finalParams()' : 'params()';
  if (!fn) return {};
  const raw = fn(ctx) as unknown;
  if (!raw || typeof raw !== 'object') throw new BlockError(`${where} must return an object of { shape, init }, got ${describeValue(raw)}`);
  return Object.fromEntries(Object.entries(raw).map(([name, spec]) => [name, validateParamSpec(where, name, spec)]));
}

/**
 * Run the block on one sublayer. Checks that it returns a tensor [tokens, d] (else BlockError naming the site,
 * the expected and the actual shape). onBranch receives the first output of F and the stream x (for ‖F(x)‖/‖x‖:
 * F as computed, before whatever scale the block applies to it, unlike the stock wrapper's s·α·F).
 */
export function applyBlock(
  def: BlockDefinition,
  site: string,
  x: tf.Tensor2D,
  F: Sublayer,
  p: BlockParams,
  ctx: BlockContext,
  onBranch?: (f: tf.Tensor2D, x: tf.Tensor2D) => void,
): tf.Tensor2D {
  let seen = false;
  const observed: Sublayer = onBranch
    ? (h) => {
        const f = F(h);
        if (!seen) onBranch(f, x);
        seen = true;
        return f;
      }
    : F;
  const y = def.block(tf, x, observed, p, ctx) as unknown;
  return expectStream(y, x, `block() at ${site}`);
}

/** Run the block's final norm on a stack's output, checked like applyBlock. */
export function applyFinalNorm(def: BlockDefinition, site: string, x: tf.Tensor2D, p: BlockParams, ctx: BlockContext): tf.Tensor2D {
  return expectStream(def.finalNorm!(tf, x, p, ctx) as unknown, x, `finalNorm() at ${site}`);
}

function expectStream(y: unknown, x: tf.Tensor2D, where: string): tf.Tensor2D {
  const [n, d] = x.shape;
  if (!(y instanceof tf.Tensor) || y.rank !== 2 || y.shape[0] !== n || y.shape[1] !== d)
    throw new BlockError(`${where} must return the stream's shape [tokens, d] = [${n}, ${d}], got ${describeValue(y)}`);
  if (y.dtype !== 'float32') throw new BlockError(`${where} must return float32, got ${y.dtype}`);
  return y as tf.Tensor2D;
}

/**
 * DeepNet's β (DeepNet22 §2.3): multiply the seeded Glorot init of the weights that produce each sublayer's output
 * (the value third of the fused Q/K/V matrix, or the value half of cross-attention's K/V one; the attention output;
 * both feed-forward matrices) by branchInitGain(ctx), once, when the model is created. Queries and keys keep theirs.
 */
export function scaleBranchInit(
  params: Map<string, tf.Variable>,
  cfg: { dModel: number; nLayers: number; nEncLayers: number },
  def: BlockDefinition,
): void {
  if (!def.branchInitGain) return;
  const d = cfg.dModel;
  for (const [name, v] of params) {
    const m = /^(enc|dec)\.(\d+)\.(self|cross|ffn)\.(wqkv|wkv|wo|w1|w2)$/.exec(name);
    if (!m) continue;
    const ctx: BlockContext = {
      d,
      nLayers: m[1] === 'enc' ? cfg.nEncLayers : cfg.nLayers,
      layer: Number(m[2]),
      sublayer: m[3] as BlockContext['sublayer'],
    };
    const beta = def.branchInitGain(ctx) as unknown;
    if (typeof beta !== 'number' || !Number.isFinite(beta) || beta <= 0)
      throw new BlockError(`branchInitGain() must return a positive finite number, got ${JSON.stringify(beta)} at ${m[1]}.${m[2]}.${m[3]}`);
    if (beta === 1) continue;
    const valueFrom = m[4] === 'wqkv' ? 2 * d : m[4] === 'wkv' ? d : 0; // columns [q | k | v]: only v is scaled
    tf.tidy(() => {
      const scale = valueFrom === 0 ? tf.scalar(beta) : tf.concat([tf.ones([valueFrom]), tf.fill([v.shape[1]! - valueFrom], beta)]);
      v.assign(tf.mul(v, scale));
    });
  }
}
