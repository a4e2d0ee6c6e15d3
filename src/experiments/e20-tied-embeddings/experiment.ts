// E20: tied vs untied output projection in the encoder–decoder (Vas17 §3.4; Press & Wolf 2017). The same model on the
// toy translation with its own output matrix and with the output layer reusing the embedding table (logits = h·Eᵀ),
// from the same seed: parameter counts, how the output layer ranks the decoder's input token at initialization (with
// Post-LN and with Pre-LN), and the steps each takes to a target training loss.
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e20Params = {
  layers: layers(2, 6),
  width: WIDTH,
  norm: { type: 'enum', label: 'Norm placement', default: 'Post-LN', values: ['Post-LN', 'Pre-LN'] },
  lr: learningRate(),
  // 0 = measure at initialization only (the claim about a fresh model runs without training).
  steps: { type: 'int', label: 'Step budget', default: 200, min: 0, max: 2000, unit: 'steps' },
  targetLoss: { type: 'number', label: 'Target loss', default: 0.1, min: 0.01, max: 2, unit: 'nats' },
} satisfies ParamSchema;

/** Before any training, on held-out sentences. */
export type E20Init = {
  /** Mean cross-entropy. */
  initLoss: number;
  /** Mean over decoder positions of how many other tokens score above the token the decoder was given there. */
  inputRank: number;
  /** The share of decoder positions where the token it was given has the highest score. */
  inputFirst: number;
};

export type E20Run = {
  /** Number of parameters (the tied model has no separate d × V output matrix). */
  params: number;
  /** Steps until the mean training loss of the last 5 steps is below the target; null if not within the budget. */
  stepsToTarget: number | null;
  /** Training loss at every step taken (empty with a budget of 0). */
  loss: number[];
};

export type E20Measurements = {
  layers: number;
  width: number;
  /** The norm placement that trains (both are measured at initialization). */
  norm: string;
  lr: number;
  steps: number;
  targetLoss: number;
  /** Tokens of the shared vocabulary: source words, target words, separator and BOS. */
  vocabSize: number;
  /** 'Post-LN' and 'Pre-LN' → 'untied' and 'tied' → at initialization. */
  init: Record<string, Record<string, E20Init>>;
  /** 'untied' (its own output matrix) and 'tied' (output = embedding table transposed) → its training, with `norm`. */
  runs: Record<string, E20Run>;
};

export const experiment = defineExperiment<typeof e20Params, E20Measurements>(
  {
    id: 'e20',
    title: 'Tied and untied output embedding in the encoder–decoder',
    question:
      'In the encoder–decoder, what changes when the output layer reuses the embedding table (weight tying) instead of having its own matrix: how many parameters, what the output layer predicts before training, and how many steps training takes?',
    params: e20Params,
    defaultSeed: 1,
    trainsInParallel: true,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
