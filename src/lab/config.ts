// Model and training configuration: types, defaults, and validation whose messages name the field and
// its allowed values (so a CLI or a page can show them as they are).
import type { SublayerKind } from './params';

export type Architecture = 'decoder' | 'encdec';
/** How a sublayer's output F is merged with its input x ('average' = (x + F)/2, the pull-back a residual is sometimes mistaken for). */
export type Connection = 'residual' | 'average' | 'concat' | 'highway' | 'none';
/** Where LayerNorm sits: Post-LN = LN(x ⊕ F(x)), Pre-LN = x ⊕ F(LN(x)), or no norm. */
export type NormPlacement = 'post' | 'pre' | 'none';
/**
 * Which norm sits at those places (and at the final norm): LayerNorm (Ba16) over each token's features;
 * RMSNorm (RMS19), x / √(mean(x²) + ε) · g, no centring and no bias; BatchNorm (Iof15) over every token of
 * the batch (axis 0 of the [batch·time, d] activations), always with the statistics of the batch at hand.
 */
export type NormKind = 'layer' | 'rms' | 'batch';
export type Positions = 'sinusoidal' | 'learned';
/** How the concatenation's 2d × d projection starts: Glorot-random, or [I; I] so that it starts as exactly x + F(x). */
export type ConcatInit = 'glorot' | 'identity';

export interface ModelConfig {
  arch: Architecture;
  /** Number of token ids (the task's vocabulary, special tokens included). */
  vocabSize: number;
  dModel: number;
  nHeads: number;
  /** Feed-forward width (4·dModel by default). */
  dFF: number;
  /** Decoder blocks (and encoder blocks for 'encdec' unless nEncLayers is set). */
  nLayers: number;
  nEncLayers: number;
  /** Longest sequence the position table covers. */
  maxLen: number;
  positions: Positions;
  connection: Connection;
  /** Initialization of the projection when connection is 'concat' (ignored otherwise). */
  concatInit: ConcatInit;
  norm: NormPlacement;
  /** Which norm: 'layer' (default), 'rms' or 'batch' (see NormKind). */
  normKind: NormKind;
  /** Residual branch scale s: x ⊕ s·F(x) (1 = none; GPT-2's 1/√(2N) is 1/sqrt(2·nLayers)). */
  branchScale: number;
  /** ReZero (ReZ20): x ⊕ α·F(x) with α a learned scalar per sublayer, initialized 0 (on top of branchScale). */
  rezero: boolean;
  /** Sublayers of every decoder block whose residual is removed (their output replaces the stream; the norm stays): an ablation. */
  withoutResidual: SublayerKind[];
  /** A LayerNorm after the last block; defaults to true exactly when norm is 'pre'. */
  finalNorm: boolean;
  /** Causal mask on decoder self-attention. */
  causal: boolean;
  /** Decoder input = target shifted right behind BOS (false: the target itself, which leaks labels). */
  shiftRight: boolean;
  /** Output projection = embedding transposed (Vas17 §3.4). */
  tiedOutput: boolean;
  /** Seed for parameter initialization. */
  seed: number;
}

export interface TrainConfig {
  steps: number;
  batchSize: number;
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Linear warmup from 0 to lr over this many steps (0 = none). */
  warmupSteps: number;
  /** Clip the global gradient norm to this value (0 = no clipping). */
  clipNorm: number;
  /** 'adam' (Kin15, β1, β2, ε above) or 'sgd': SGD with momentum, u ← momentum·u + g; θ ← θ − lr·u. */
  optimizer: 'adam' | 'sgd';
  /** SGD's momentum (Adam ignores it). */
  momentum: number;
  /** Adam's bias corrections of m and v (Kin15 Alg. 1); off, the first updates use the zero-started moments as they are. */
  biasCorrection: boolean;
  /**
   * Adam only: before the first update, this many steps on their own batches that update only the second moment v
   * (weights and m untouched), as Liu et al. 2019's Adam-2k does: v is well estimated when updating starts, at the
   * full rate. Not counted in `steps` nor recorded in the history; SGD ignores it.
   */
  vOnlySteps: number;
  /** Residual dropout rate (Vas17 §5.4): on each sublayer's output before it is added, and on the embedding sum; training only. */
  dropout: number;
  /** Where dropout sits: on each sublayer's output before the add (Vas17), or on the stream after it (the counter-case). */
  dropoutOn: 'branch' | 'stream';
  /** Parameter-name prefixes to freeze, e.g. ['embed', 'dec.0.']. */
  freeze: string[];
  /** 1 = teacher forcing, 0 = free running, between = scheduled sampling (per-token coin). */
  teacherForcing: number;
  /**
   * Scheduled sampling's inverse-sigmoid decay (Ben15): with k ≥ 1, the share of true inputs at step i (from 0) is
   * teacherForcing · k/(k + exp(i/k)), falling from about teacherForcing to 0 around step k·ln k; 0 = constant teacherForcing.
   */
  teacherForcingDecay: number;
  /** Loss on the answer positions only, or on every position. */
  lossOn: 'answer' | 'all';
  /** Seed for data and sampling. */
  seed: number;
  /** Divergence: stop when the loss exceeds this (or is NaN/Inf). */
  maxLoss: number;
  /** Divergence: stop when the global gradient norm exceeds this (or is NaN/Inf). */
  maxGradNorm: number;
  /** Call onProgress every this many steps (the last step always reports). */
  progressEvery: number;
}

export const defaultModelConfig: Omit<ModelConfig, 'vocabSize' | 'maxLen' | 'finalNorm' | 'nEncLayers' | 'dFF'> = {
  arch: 'decoder',
  dModel: 32,
  nHeads: 4,
  nLayers: 6,
  positions: 'sinusoidal',
  connection: 'residual',
  concatInit: 'glorot',
  norm: 'pre',
  normKind: 'layer',
  branchScale: 1,
  rezero: false,
  withoutResidual: [],
  causal: true,
  shiftRight: true,
  tiedOutput: false,
  seed: 1,
};

export const defaultTrainConfig: TrainConfig = {
  steps: 300,
  batchSize: 32,
  lr: 3e-3,
  beta1: 0.9,
  beta2: 0.98,
  epsilon: 1e-9,
  warmupSteps: 0,
  clipNorm: 0,
  optimizer: 'adam',
  momentum: 0.9,
  biasCorrection: true,
  vOnlySteps: 0,
  dropout: 0,
  dropoutOn: 'branch',
  freeze: [],
  teacherForcing: 1,
  teacherForcingDecay: 0,
  lossOn: 'answer',
  seed: 1,
  maxLoss: 1e4,
  maxGradNorm: 1e8,
  progressEvery: 10,
};

export class ConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): void {
  if (!allowed.includes(value as T))
    throw new ConfigError(field, `${field} must be one of ${allowed.map((a) => `'${a}'`).join(' | ')}, got ${JSON.stringify(value)}`);
}
function int(field: string, value: unknown, min: number, max = Infinity): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(field, `${field} must be an integer in [${min}, ${max === Infinity ? '∞' : max}], got ${JSON.stringify(value)}`);
}
function num(field: string, value: unknown, min: number, max: number, minOpen = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (minOpen && value === min))
    throw new ConfigError(field, `${field} must be a number in ${minOpen ? '(' : '['}${min}, ${max}], got ${JSON.stringify(value)}`);
}
function bool(field: string, value: unknown): void {
  if (typeof value !== 'boolean') throw new ConfigError(field, `${field} must be true or false, got ${JSON.stringify(value)}`);
}
function known(where: string, obj: object, keys: readonly string[]): void {
  for (const k of Object.keys(obj))
    if (!keys.includes(k)) throw new ConfigError(k, `unknown ${where} field '${k}'; allowed: ${keys.join(', ')}`);
}

const modelKeys = [
  'arch',
  'vocabSize',
  'dModel',
  'nHeads',
  'dFF',
  'nLayers',
  'nEncLayers',
  'maxLen',
  'positions',
  'connection',
  'concatInit',
  'norm',
  'normKind',
  'branchScale',
  'rezero',
  'withoutResidual',
  'finalNorm',
  'causal',
  'shiftRight',
  'tiedOutput',
  'seed',
] as const;
const trainKeys = Object.keys(defaultTrainConfig);

/** Fill defaults and validate; throws ConfigError naming the field and its allowed values. */
export function resolveModelConfig(partial: Partial<ModelConfig> & { vocabSize: number; maxLen: number }): ModelConfig {
  known('model config', partial, modelKeys);
  const c = { ...defaultModelConfig, ...partial } as ModelConfig;
  oneOf('arch', c.arch, ['decoder', 'encdec']);
  int('vocabSize', c.vocabSize, 2, 100_000);
  int('dModel', c.dModel, 1, 4096);
  int('nHeads', c.nHeads, 1, 256);
  if (c.dModel % c.nHeads !== 0) throw new ConfigError('nHeads', `nHeads must divide dModel (${c.dModel}), got ${c.nHeads}`);
  c.dFF ??= 4 * c.dModel;
  int('dFF', c.dFF, 1, 65_536);
  int('nLayers', c.nLayers, 0, 256);
  c.nEncLayers ??= c.arch === 'encdec' ? c.nLayers : 0;
  int('nEncLayers', c.nEncLayers, 0, 256);
  int('maxLen', c.maxLen, 1, 4096);
  oneOf('positions', c.positions, ['sinusoidal', 'learned']);
  oneOf('connection', c.connection, ['residual', 'average', 'concat', 'highway', 'none']);
  oneOf('concatInit', c.concatInit, ['glorot', 'identity']);
  oneOf('norm', c.norm, ['post', 'pre', 'none']);
  oneOf('normKind', c.normKind, ['layer', 'rms', 'batch']);
  num('branchScale', c.branchScale, 0, 100);
  bool('rezero', c.rezero);
  if (!Array.isArray(c.withoutResidual) || c.withoutResidual.some((s) => !['self', 'cross', 'ffn'].includes(s)))
    throw new ConfigError(
      'withoutResidual',
      `withoutResidual must be a list of 'self' | 'cross' | 'ffn', got ${JSON.stringify(c.withoutResidual)}`,
    );
  if (c.withoutResidual.length && c.connection !== 'residual')
    throw new ConfigError('withoutResidual', `withoutResidual needs connection 'residual', got '${c.connection}'`);
  c.finalNorm ??= c.norm === 'pre';
  bool('finalNorm', c.finalNorm);
  bool('causal', c.causal);
  bool('shiftRight', c.shiftRight);
  bool('tiedOutput', c.tiedOutput);
  int('seed', c.seed, -(2 ** 31), 2 ** 31 - 1);
  return c;
}

export function resolveTrainConfig(partial: Partial<TrainConfig> = {}): TrainConfig {
  known('train config', partial, trainKeys);
  const c = { ...defaultTrainConfig, ...partial };
  int('steps', c.steps, 0, 10_000_000);
  int('batchSize', c.batchSize, 1, 65_536);
  num('lr', c.lr, 0, 10);
  num('beta1', c.beta1, 0, 0.999999);
  num('beta2', c.beta2, 0, 0.999999);
  num('epsilon', c.epsilon, 0, 1, true);
  int('warmupSteps', c.warmupSteps, 0, 10_000_000);
  num('clipNorm', c.clipNorm, 0, 1e12);
  oneOf('optimizer', c.optimizer, ['adam', 'sgd']);
  num('momentum', c.momentum, 0, 0.999999);
  bool('biasCorrection', c.biasCorrection);
  int('vOnlySteps', c.vOnlySteps, 0, 10_000_000);
  num('dropout', c.dropout, 0, 0.95);
  oneOf('dropoutOn', c.dropoutOn, ['branch', 'stream']);
  if (!Array.isArray(c.freeze) || c.freeze.some((f) => typeof f !== 'string'))
    throw new ConfigError(
      'freeze',
      `freeze must be a list of parameter-name prefixes (e.g. ["embed", "dec.0."]), got ${JSON.stringify(c.freeze)}`,
    );
  num('teacherForcing', c.teacherForcing, 0, 1);
  num('teacherForcingDecay', c.teacherForcingDecay, 0, 1e7);
  if (c.teacherForcingDecay > 0 && c.teacherForcingDecay < 1)
    throw new ConfigError('teacherForcingDecay', `teacherForcingDecay must be 0 (no decay) or k ≥ 1, got ${c.teacherForcingDecay}`);
  oneOf('lossOn', c.lossOn, ['answer', 'all']);
  int('seed', c.seed, -(2 ** 31), 2 ** 31 - 1);
  num('maxLoss', c.maxLoss, 0, Infinity, true);
  num('maxGradNorm', c.maxGradNorm, 0, Infinity, true);
  int('progressEvery', c.progressEvery, 1, 10_000_000);
  return c;
}
