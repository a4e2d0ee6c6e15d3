// Greedy decoding of one source sentence by an encoder–decoder, token by token, in two ways side by side:
// teacher-forced (each step is fed the correct previous target word) and free-running (each step is fed the model's
// own previous output). Each generated token comes with its probability and the cross-attention row of its target
// position over the source words, read by the lab's instruments (outputs.ts batchLogits, instruments.ts
// attentionMaps) on the one sequence, not re-implemented. What the "translate it yourself" island runs.
import type { Model } from './model';
import type { Task } from './tasks';
import { batchLogits } from './outputs';
import { attentionMaps } from './instruments';

export type DecodeMode = 'teacher-forced' | 'free-running';
export const DECODE_MODES: readonly DecodeMode[] = ['teacher-forced', 'free-running'];

export interface DecodedToken {
  mode: DecodeMode;
  /** Target position (0-based). */
  position: number;
  /** What the decoder was fed at this position: the start token at 0, then the previous word (the correct one, or the model's own). */
  input: number;
  /** The model's word: the most probable one (greedy). */
  word: number;
  /** Its probability under the model (softmax of the logits). */
  probability: number;
  /** The correct target word at this position. */
  correct: number;
  /** The probability the model gives the correct word. */
  correctProbability: number;
  /** Cross-attention of this target position over the source positions, mean over the heads, of `layer`. */
  attention: number[];
  /** The cross-attention sublayer read: the last decoder block's ('dec.<L−1>.cross'). */
  layer: string;
}

/** The sublayer whose cross-attention a decoded token reports: the last decoder block's. */
export const lastCrossAttention = (model: Model): string => `dec.${model.config.nLayers - 1}.cross`;

function softmax(logits: readonly number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/**
 * Decodes `source` greedily in both modes, position by position (teacher-forced then free-running at each position),
 * calling onToken for each token as it is generated. `correct` is the correct translation (the task's table).
 * Needs an encoder–decoder with a causal decoder fed the target shifted right: position t then sees only the
 * start token and the t words before it, so the words not yet decoded (filled with the separator) cannot matter.
 */
export function decodeGreedy(
  model: Model,
  task: Task,
  source: readonly number[],
  correct: readonly number[],
  onToken?: (token: DecodedToken) => void,
): Record<DecodeMode, DecodedToken[]> {
  const cfg = model.config;
  if (cfg.arch !== 'encdec' || !cfg.causal || !cfg.shiftRight)
    throw new Error('greedy decoding here needs an encoder–decoder (arch: encdec) with a causal decoder fed the target shifted right');
  if (source.length !== task.srcLen) throw new Error(`a source sentence has ${task.srcLen} words, got ${source.length}`);
  if (correct.length !== task.tgtLen) throw new Error(`a translation has ${task.tgtLen} words, got ${correct.length}`);
  const layer = lastCrossAttention(model);
  const fed: Record<DecodeMode, number[]> = { 'teacher-forced': [], 'free-running': [] };
  const out: Record<DecodeMode, DecodedToken[]> = { 'teacher-forced': [], 'free-running': [] };
  for (let t = 0; t < task.tgtLen; t++) {
    for (const mode of DECODE_MODES) {
      // The decoder reads [start, fed₀ … fed_{t−1}, filler…]: encodeBatch shifts this answer right behind the start token.
      const answer = [...fed[mode], ...Array<number>(task.tgtLen - t).fill(task.sep)];
      const batch = { src: [[...source]], tgt: [answer] };
      const probs = softmax(batchLogits(model, task, batch)[0]![t]!);
      let word = 0;
      for (let v = 1; v < probs.length; v++) if (probs[v]! > probs[word]!) word = v;
      const attention = attentionMaps(model, task, { batch })[layer]![t]!;
      const token: DecodedToken = {
        mode,
        position: t,
        input: t === 0 ? task.bos : fed[mode][t - 1]!,
        word,
        probability: probs[word]!,
        correct: correct[t]!,
        correctProbability: probs[correct[t]!]!,
        attention,
        layer,
      };
      fed[mode].push(mode === 'teacher-forced' ? correct[t]! : word);
      out[mode].push(token);
      onToken?.(token);
    }
  }
  return out;
}
