// E18: where dropout goes in Add & Norm. A small decoder trained on a fixed, small set of sequences, without dropout,
// with dropout on each sublayer's output before the add (Vas17 §5.4's residual dropout) and with dropout on the stream
// after the add: loss on the training set and on held-out sequences, evaluated without dropout.
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, layers, learningRate, steps, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e18Params = {
  layers: layers(2, 12),
  width: WIDTH,
  norm: { type: 'enum', label: 'Norm placement', default: 'Post-LN', values: ['Post-LN', 'Pre-LN'] },
  trainingSet: { type: 'int', label: 'Training set', default: 64, min: 8, max: 4096, unit: 'sequences' },
  steps: steps(150),
  lr: learningRate(),
  batchSize: { ...BATCH_SIZE, default: 32 },
  rate: { type: 'number', label: 'Dropout rate', default: 0.1, min: 0.01, max: 0.5 },
  // The claims read the losses at the end only: a counter-run on a large training set evaluates there alone.
  every: { type: 'int', label: 'Evaluate every', default: 10, min: 5, max: 1000, unit: 'steps' },
  // Which runs to compare (each is one training from the same seed and data). The default is the two that the
  // first two claims compare, so their blocks show the stored run.
  compare: {
    type: 'enum',
    label: 'Runs',
    default: 'none · branch',
    values: ['none · branch · stream', 'none · branch', 'branch · stream'],
  },
} satisfies ParamSchema;

/** One training: losses evaluated without dropout, every `every` steps and at the end. */
export type E18Run = {
  /** Steps at which the curves were taken. */
  steps: number[];
  /** Mean cross-entropy over the answer tokens of the whole training set. */
  trainLoss: number[];
  /** The same on held-out sequences, none of them in the training set. */
  heldOutLoss: number[];
  /** Teacher-forced accuracy over the held-out answer tokens at the end. */
  heldOutAccuracy: number;
};

export type E18Measurements = {
  layers: number;
  width: number;
  norm: string;
  trainingSet: number;
  heldOut: number;
  steps: number;
  rate: number;
  /** 'no dropout', 'dropout on the branch', 'dropout on the stream' → its training. */
  runs: Record<string, E18Run>;
};

export const experiment = defineExperiment<typeof e18Params, E18Measurements>(
  {
    id: 'e18',
    title: 'Residual dropout: on the branch or on the stream',
    question:
      'Trained on a small fixed set of sequences, does dropout on each sublayer’s output (before the add) lower the loss on held-out sequences, and what does the same dropout do placed on the stream after the add?',
    params: e18Params,
    defaultSeed: 1,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
