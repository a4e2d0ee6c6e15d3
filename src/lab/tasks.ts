// Seeded toy tasks, each a question (src) and an answer (tgt) of fixed length: copy, reverse, running sum
// mod k (each output depends on the previous one), and a toy translation SVO → SOV with a vocabulary
// mapping. encodeBatch lays them out for a decoder-only model (src SEP tgt, loss on the answer) or an
// encoder–decoder (encoder reads src, decoder writes tgt), with the target shifted right behind BOS.
import type { ModelConfig } from './config';
import { makeRng, type Rng } from './rng';

export interface RawBatch {
  src: number[][];
  tgt: number[][];
}

export interface Task {
  id: string;
  description: string;
  /** Ids 0..vocabSize−1; sep and bos are the last two. */
  vocabSize: number;
  srcLen: number;
  tgtLen: number;
  sep: number;
  bos: number;
  sample(rng: Rng, batchSize: number): RawBatch;
}

function sequenceTask(id: string, description: string, symbols: number, length: number, answer: (a: number[]) => number[]): Task {
  if (!Number.isInteger(symbols) || symbols < 2) throw new Error(`symbols must be an integer ≥ 2, got ${symbols}`);
  if (!Number.isInteger(length) || length < 1) throw new Error(`length must be an integer ≥ 1, got ${length}`);
  return {
    id,
    description,
    vocabSize: symbols + 2,
    srcLen: length,
    tgtLen: length,
    sep: symbols,
    bos: symbols + 1,
    sample(rng, batchSize) {
      const src: number[][] = [];
      const tgt: number[][] = [];
      for (let b = 0; b < batchSize; b++) {
        const a = Array.from({ length }, () => rng.int(symbols));
        src.push(a);
        tgt.push(answer(a));
      }
      return { src, tgt };
    },
  };
}

export const copyTask = (symbols = 8, length = 6): Task =>
  sequenceTask('copy', `copy ${length} symbols of ${symbols}`, symbols, length, (a) => a.slice());
export const reverseTask = (symbols = 8, length = 6): Task =>
  sequenceTask('reverse', `reverse ${length} symbols of ${symbols}`, symbols, length, (a) => a.slice().reverse());
/** y_i = (a_1 + … + a_i) mod k: each answer token is the previous one plus a_i. */
export const runningSumTask = (k = 5, length = 6): Task =>
  sequenceTask('running-sum', `running sum mod ${k} of ${length} digits`, k, length, (a) => {
    let s = 0;
    return a.map((x) => (s = (s + x) % k));
  });

/** The toy translation's "language": its word classes (ids) and the fixed word-for-word table, source id → target id. */
export interface TranslationLanguage {
  /** Source word ids by class; target ids are n..2n−1, each class mapped onto the same id range shifted by n. */
  nouns: number[];
  adjectives: number[];
  verbs: number[];
  /** Number of source words (= of target words). */
  n: number;
  /** table[source id] = target id: a bijection within each word class. */
  table: number[];
  /** The source's word classes, position by position: "adj noun verb adj noun". */
  sourceClasses: readonly ('adjective' | 'noun' | 'verb')[];
  /** Target position t translates source position order[t] (SVO → SOV: the verb moves to the end). */
  order: readonly number[];
  /** The correct target of a source sentence. */
  translate(source: readonly number[]): number[];
}

export function translationLanguage(nouns = 6, adjectives = 3, verbs = 4): TranslationLanguage {
  const n = nouns + adjectives + verbs; // source words 0..n−1, target words n..2n−1
  const perm = Array.from({ length: n }, (_, i) => i);
  const r = makeRng(20260101); // the "language": fixed, independent of the data seed
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const adj0 = nouns;
  const verb0 = nouns + adjectives;
  // A bijection within each word class, so the target language has the same classes.
  const table = new Array<number>(n);
  for (const [start, size] of [
    [0, nouns],
    [adj0, adjectives],
    [verb0, verbs],
  ] as const) {
    const order = Array.from({ length: size }, (_, i) => i).sort((a, b) => perm[start + a]! - perm[start + b]!);
    order.forEach((o, i) => (table[start + i] = n + start + o));
  }
  const range = (start: number, size: number) => Array.from({ length: size }, (_, i) => start + i);
  const order = [0, 1, 3, 4, 2] as const;
  return {
    nouns: range(0, nouns),
    adjectives: range(adj0, adjectives),
    verbs: range(verb0, verbs),
    n,
    table,
    sourceClasses: ['adjective', 'noun', 'verb', 'adjective', 'noun'],
    order,
    translate: (s) => order.map((i) => table[s[i]!]!),
  };
}

/**
 * Toy translation: source "adj noun verb adj noun" (SVO) → target "adj' noun' adj' noun' verb'" (SOV),
 * every source word mapped to its own target word by a fixed permutation (translationLanguage).
 */
export function translationTask(nouns = 6, adjectives = 3, verbs = 4): Task {
  const lang = translationLanguage(nouns, adjectives, verbs);
  const { n } = lang;
  const [adj0, verb0] = [lang.adjectives[0]!, lang.verbs[0]!];
  return {
    id: 'translation',
    description: `toy translation SVO→SOV (${nouns} nouns, ${adjectives} adjectives, ${verbs} verbs)`,
    vocabSize: 2 * n + 2,
    srcLen: 5,
    tgtLen: 5,
    sep: 2 * n,
    bos: 2 * n + 1,
    sample(rng, batchSize) {
      const src: number[][] = [];
      const tgt: number[][] = [];
      for (let b = 0; b < batchSize; b++) {
        const s = [adj0 + rng.int(adjectives), rng.int(nouns), verb0 + rng.int(verbs), adj0 + rng.int(adjectives), rng.int(nouns)];
        src.push(s);
        tgt.push(lang.translate(s));
      }
      return { src, tgt };
    },
  };
}

/**
 * A finite training set of a task: `size` sequences drawn once from `seed`; sample() draws from them with replacement
 * (fresh draws of the task itself are the held-out data). Returns the task and its examples.
 */
export function trainingSet(base: Task, size: number, seed: number): { task: Task; examples: RawBatch } {
  if (!Number.isInteger(size) || size < 1) throw new Error(`size must be an integer ≥ 1, got ${size}`);
  const examples = base.sample(makeRng(seed).fork('training set'), size);
  const task: Task = {
    ...base,
    id: `${base.id}-set`,
    description: `${base.description}, a fixed set of ${size} sequences`,
    sample(rng, batchSize) {
      const picks = Array.from({ length: batchSize }, () => rng.int(size));
      return { src: picks.map((i) => examples.src[i]!), tgt: picks.map((i) => examples.tgt[i]!) };
    },
  };
  return { task, examples };
}

export type TaskId = 'copy' | 'reverse' | 'running-sum' | 'translation';
export const taskIds: readonly TaskId[] = ['copy', 'reverse', 'running-sum', 'translation'];

export function makeTask(id: TaskId): Task {
  switch (id) {
    case 'copy':
      return copyTask();
    case 'reverse':
      return reverseTask();
    case 'running-sum':
      return runningSumTask();
    case 'translation':
      return translationTask();
    default:
      throw new Error(`task must be one of ${taskIds.map((t) => `'${t}'`).join(' | ')}, got ${JSON.stringify(id)}`);
  }
}

/** Decoder length T (and encoder length S) a task needs under an architecture. */
export function taskLengths(task: Task, arch: ModelConfig['arch']): { T: number; S: number } {
  return arch === 'decoder' ? { T: task.srcLen + 1 + task.tgtLen, S: 0 } : { T: task.tgtLen, S: task.srcLen };
}

/** Model-config fields a task fixes: vocabSize and maxLen. */
export function taskModelFields(task: Task, arch: ModelConfig['arch'] = 'decoder'): { vocabSize: number; maxLen: number } {
  const { T, S } = taskLengths(task, arch);
  return { vocabSize: task.vocabSize, maxLen: Math.max(T, S) };
}

export interface EncodedBatch {
  B: number;
  T: number;
  S: number;
  /** Decoder input ids [B, T] (teacher-forced). */
  decIn: Int32Array;
  /** Target ids [B, T]: position t predicts target[t]. */
  target: Int32Array;
  /** Loss weights [B, T] (1 on the answer, or everywhere with lossOn 'all'). */
  mask: Float32Array;
  encIn?: Int32Array;
  /** First target position of the answer. */
  answerStart: number;
  /** First decoder-input position that free running takes from the model's own previous output. */
  freeFrom: number;
}

export function encodeBatch(
  task: Task,
  cfg: Pick<ModelConfig, 'arch' | 'shiftRight'>,
  raw: RawBatch,
  lossOn: 'answer' | 'all' = 'answer',
): EncodedBatch {
  const B = raw.tgt.length;
  const { T, S } = taskLengths(task, cfg.arch);
  const decIn = new Int32Array(B * T);
  const target = new Int32Array(B * T);
  const mask = new Float32Array(B * T);
  const encIn = cfg.arch === 'encdec' ? new Int32Array(B * S) : undefined;
  const answerStart = cfg.arch === 'decoder' ? task.srcLen + 1 : 0;
  // #region decoder-input
  for (let b = 0; b < B; b++) {
    const seq = cfg.arch === 'decoder' ? [...raw.src[b]!, task.sep, ...raw.tgt[b]!] : raw.tgt[b]!;
    if (encIn) encIn.set(raw.src[b]!, b * S);
    for (let t = 0; t < T; t++) {
      target[b * T + t] = seq[t]!;
      decIn[b * T + t] = cfg.shiftRight ? (t === 0 ? task.bos : seq[t - 1]!) : seq[t]!;
      mask[b * T + t] = lossOn === 'all' || t >= answerStart ? 1 : 0;
    }
  }
  // #endregion decoder-input
  const freeFrom = Math.max(1, answerStart + (cfg.shiftRight ? 1 : 0));
  return { B, T, S, decIn, target, mask, encIn, answerStart, freeFrom };
}
