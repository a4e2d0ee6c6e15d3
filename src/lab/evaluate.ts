// Evaluation: accuracy per answer position under teacher forcing (ground-truth decoder inputs) and under
// greedy free running (the model's own previous outputs), with an optional lesion mask (blocks or
// sublayers replaced by the identity). Also the sequential decoding that scheduled sampling uses, and the
// single-number measures the experiments use: answer accuracy, generation accuracy and loss by position.
import * as tf from '@tensorflow/tfjs-core';
import { encode, forward, maskedCrossEntropy, tokenCrossEntropy, type Model } from './model';
import { encodeBatch, type EncodedBatch, type RawBatch, type Task } from './tasks';
import { makeRng, type Rng } from './rng';
import type { KeyValueCache } from './layers';

/** Greedy predictions [B·T] for the given decoder inputs. */
export function predict(
  model: Model,
  batch: EncodedBatch,
  decIn: Int32Array,
  lesion?: ReadonlySet<string>,
  memory?: tf.Tensor2D,
): Int32Array {
  const out = tf.tidy(() =>
    tf.argMax(forward(model, { B: batch.B, T: batch.T, S: batch.S, decIn, encIn: batch.encIn }, { lesion, memory }), 1),
  );
  const ids = out.dataSync() as Int32Array;
  out.dispose();
  return Int32Array.from(ids);
}

/** An encoder–decoder's encoder output for the batch's source (the same at every decoder position: run once), else undefined. */
function encoderMemory(model: Model, batch: EncodedBatch, lesion?: ReadonlySet<string>): tf.Tensor2D | undefined {
  if (model.config.arch !== 'encdec') return undefined;
  const { B, T, S, decIn, encIn } = batch;
  return tf.tidy(() => encode(model, { B, T, S, decIn, encIn }, { lesion }));
}

/**
 * Whether a position's output depends only on the inputs at it and before it, so a forward pass over the first t
 * positions gives the same outputs there as one over all T: a causal decoder, normalized row by row (batch statistics
 * mix positions), with the stock Add & Norm (a reader's block may mix rows).
 */
function rowsIndependent(model: Model): boolean {
  return model.config.causal && model.config.normKind !== 'batch' && !model.block;
}

/**
 * mixedDecoderInputs where rows are independent: the positions before freeFrom in one causal pass, then one position at
 * a time, each self-attention keeping the keys and values of the positions before (forward's keyValues). The numbers
 * are those of running each prefix again: every kernel computes a row alike whatever the rows beside it, and a
 * prefix's last row sees every key. Decoding costs about one pass over the sequence instead of one per position.
 */
function decodeWithCache(
  model: Model,
  batch: EncodedBatch,
  decIn: Int32Array,
  useModel: Uint8Array,
  lesion: ReadonlySet<string> | undefined,
  memory: tf.Tensor2D | undefined,
): Int32Array {
  const { B, T, S, encIn, freeFrom } = batch;
  const keyValues = new Map<string, KeyValueCache>();
  try {
    for (let from = 0, t = freeFrom; t < T; from = t, t++) {
      // Feed positions from..t−1 (their inputs are final by now); position t−1's output is the guess for position t.
      const n = t - from;
      const ids = new Int32Array(B * n);
      for (let b = 0; b < B; b++) ids.set(decIn.subarray(b * T + from, b * T + t), b * n);
      const out = tf.tidy(() =>
        tf.argMax(forward(model, { B, T: n, S, decIn: ids, encIn }, { lesion, memory, keyValues, position: from }), 1),
      );
      const pred = out.dataSync() as Int32Array;
      out.dispose();
      for (let b = 0; b < B; b++) if (useModel[b * T + t]) decIn[b * T + t] = pred[b * n + n - 1]!;
    }
  } finally {
    for (const { k, v } of keyValues.values()) tf.dispose([k!, v!].filter(Boolean));
  }
  return decIn;
}

/**
 * Decoder inputs where each position from batch.freeFrom on is, with probability 1 − teacherRatio, the
 * model's own greedy output at the previous position (decoded left to right), else the ground truth
 * (Ben15). teacherRatio 0 = pure free running; rng decides the coins (unused when the ratio is 0 or 1).
 */
export function mixedDecoderInputs(
  model: Model,
  batch: EncodedBatch,
  teacherRatio: number,
  rng: Rng | null,
  lesion?: ReadonlySet<string>,
  /** the encoder's output for this batch when the caller has it (kept: the caller disposes it) */
  given?: tf.Tensor2D,
): Int32Array {
  const { B, T } = batch;
  const decIn = Int32Array.from(batch.decIn);
  if (teacherRatio >= 1) return decIn;
  const useModel = new Uint8Array(B * T);
  for (let t = batch.freeFrom; t < T; t++)
    for (let b = 0; b < B; b++) useModel[b * T + t] = teacherRatio <= 0 || (rng && rng.next() >= teacherRatio) ? 1 : 0;
  const memory = given ?? (useModel.includes(1) ? encoderMemory(model, batch, lesion) : undefined);
  try {
    if (!useModel.includes(1)) return decIn;
    if (rowsIndependent(model)) return decodeWithCache(model, batch, decIn, useModel, lesion, memory);
    for (let t = batch.freeFrom; t < T; t++) {
      let any = false;
      for (let b = 0; b < B && !any; b++) any = useModel[b * T + t] === 1;
      if (!any) continue;
      const pred = predict(model, batch, decIn, lesion, memory);
      for (let b = 0; b < B; b++) if (useModel[b * T + t]) decIn[b * T + t] = pred[b * T + t - 1]!;
    }
  } finally {
    if (!given) memory?.dispose();
  }
  return decIn;
}

export interface PositionAccuracy {
  /** Mean accuracy over answer tokens. */
  accuracy: number;
  /** Accuracy at each answer position (index 0 = first answer token). */
  perPosition: number[];
  /** Share of sequences whose whole answer is right. */
  sequenceAccuracy: number;
}

export interface EvalResult {
  /** Cross-entropy on the answer under teacher forcing. */
  loss: number;
  teacherForced: PositionAccuracy;
  freeRunning: PositionAccuracy;
}

function accuracyOf(batch: EncodedBatch, pred: Int32Array): PositionAccuracy {
  const { B, T, answerStart, target } = batch;
  const L = T - answerStart;
  const perPosition = new Array<number>(L).fill(0);
  let seqRight = 0;
  for (let b = 0; b < B; b++) {
    let all = true;
    for (let i = 0; i < L; i++) {
      const k = b * T + answerStart + i;
      const ok = pred[k] === target[k];
      if (ok) perPosition[i]! += 1 / B;
      all &&= ok;
    }
    if (all) seqRight++;
  }
  return { accuracy: perPosition.reduce((a, b) => a + b, 0) / L, perPosition, sequenceAccuracy: seqRight / B };
}

export interface EvalOptions {
  batchSize?: number;
  /** Data seed (a held-out stream by default). */
  seed?: number;
  lesion?: Iterable<string>;
}

export function evaluate(model: Model, task: Task, opts: EvalOptions = {}): EvalResult {
  const lesion = opts.lesion ? new Set(opts.lesion) : undefined;
  const rng = makeRng(opts.seed ?? 0x5eed).fork('eval');
  const batch = encodeBatch(task, model.config, task.sample(rng, opts.batchSize ?? 256), 'answer');
  const memory = encoderMemory(model, batch, lesion);
  try {
    // One forward pass gives the teacher-forced loss and predictions.
    const [lossT, predT] = tf.tidy(() => {
      const input = { B: batch.B, T: batch.T, S: batch.S, decIn: batch.decIn, encIn: batch.encIn };
      const logits = forward(model, input, { lesion, memory });
      return [maskedCrossEntropy(logits, batch.target, batch.mask), tf.argMax(logits, 1)];
    });
    const loss = lossT.dataSync()[0]!;
    const teacherForced = accuracyOf(batch, Int32Array.from(predT.dataSync() as Int32Array));
    tf.dispose([lossT, predT]);
    const freeIn = mixedDecoderInputs(model, batch, 0, null, lesion, memory);
    const freeRunning = accuracyOf(batch, predict(model, batch, freeIn, lesion, memory));
    return { loss, teacherForced, freeRunning };
  } finally {
    memory?.dispose();
  }
}

export interface HeldOutOptions {
  /** Data seed (a held-out stream by default). */
  seed?: number;
  batchSize?: number;
}

/** A held-out batch drawn from the instruments' stream of `seed`. */
function heldOut(
  model: Model,
  task: Task,
  { seed = 0x5eed, batchSize = 256 }: HeldOutOptions,
  lossOn: 'answer' | 'all' = 'answer',
): EncodedBatch {
  return encodeBatch(task, model.config, task.sample(makeRng(seed).fork('instrument'), batchSize), lossOn);
}

/** Teacher-forced accuracy over the answer tokens on held-out data, or on the given sequences (one forward pass); optional lesion. */
export function answerAccuracy(model: Model, task: Task, options: HeldOutOptions & { lesion?: string[]; batch?: RawBatch } = {}): number {
  const batch = options.batch ? encodeBatch(task, model.config, options.batch) : heldOut(model, task, options);
  const pred = predict(model, batch, batch.decIn, options.lesion ? new Set(options.lesion) : undefined);
  let right = 0;
  let total = 0;
  for (let i = 0; i < pred.length; i++) {
    if (!batch.mask[i]) continue;
    total += 1;
    if (pred[i] === batch.target[i]) right += 1;
  }
  return right / total;
}

/**
 * Greedy generation accuracy on the answer: every answer input starts unknown (the separator stands in) and
 * is filled left to right with the model's own previous output, so even a model without a causal mask cannot
 * read a true future token. Mean over answer tokens, held-out data.
 */
export function generationAccuracy(model: Model, task: Task, options: HeldOutOptions = {}): number {
  const batch = heldOut(model, task, options);
  const { B, T, freeFrom, answerStart, target } = batch;
  const decIn = Int32Array.from(batch.decIn);
  for (let b = 0; b < B; b++) for (let t = freeFrom; t < T; t++) decIn[b * T + t] = task.sep;
  for (let t = freeFrom; t < T; t++) {
    const pred = predict(model, batch, decIn);
    for (let b = 0; b < B; b++) decIn[b * T + t] = pred[b * T + t - 1]!;
  }
  const pred = predict(model, batch, decIn);
  let right = 0;
  for (let b = 0; b < B; b++) for (let t = answerStart; t < T; t++) right += pred[b * T + t] === target[b * T + t] ? 1 : 0;
  return right / (B * (T - answerStart));
}

/** Mean cross-entropy at every position of the sequence (question and answer), on held-out data. */
export function lossByPosition(model: Model, task: Task, options: HeldOutOptions = {}): number[] {
  const batch = heldOut(model, task, options, 'all');
  const perPos = tf.tidy(() => {
    const nll = tokenCrossEntropy(forward(model, { B: batch.B, T: batch.T, decIn: batch.decIn }), batch.target);
    return tf.mean(tf.reshape(nll, [batch.B, batch.T]), 0);
  });
  const out = Array.from(perPos.dataSync());
  perPos.dispose();
  return out;
}
