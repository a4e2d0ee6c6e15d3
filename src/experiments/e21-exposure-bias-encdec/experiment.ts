// e21: Teacher forcing, free running and scheduled sampling in the encoder–decoder
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e21Params = {
  // 'running sum': the encoder reads 6 digits, the decoder writes their running sums mod 5, so each output token is the
  // previous one plus the current digit and an early error carries into every later output. 'translation': the toy
  // SVO → SOV translation, word for word, where each target word follows from one source word alone.
  task: { type: 'enum', label: 'Task', default: 'running sum', values: ['running sum', 'translation'] },
  layers: layers(2, 6), // in the encoder and in the decoder each
  width: WIDTH,
  steps: steps(300),
  every: { type: 'int', label: 'Evaluate every', default: 25, min: 5, max: 1000, unit: 'steps' },
  lr: learningRate(0.003),
  // Ben15's inverse-sigmoid decay: the share of true inputs at step i is k/(k + exp(i/k)), one half near step k·ln k.
  decay: { type: 'int', label: 'Scheduled sampling decay k', default: 40, min: 1, max: 1000 },
  // Which trainings run beside teacher forcing: a claim's block runs the two it compares, one per core ('nothing': the
  // teacher-forced model alone, all the translation claim reads). The default is the two that the first two claims
  // compare, so their blocks show the stored run.
  compare: {
    type: 'enum',
    label: 'Teacher forcing against',
    default: 'free running',
    values: ['free running', 'scheduled sampling', 'free running and scheduled sampling', 'nothing'],
  },
} satisfies ParamSchema;

export type E21Checkpoint = {
  step: number;
  /** Held-out accuracy per target position, fed the true previous tokens. */
  teacherForced: number[];
  /** The same, fed the model's own previous outputs (greedy generation). */
  freeRunning: number[];
};

export type E21Measurements = {
  task: string;
  layers: number;
  width: number;
  steps: number;
  every: number;
  lr: number;
  decay: number;
  compare: string;
  /** 'teacher forcing' and those of 'free running', 'scheduled sampling' that ran → training loss per step and the held-out checkpoints. */
  results: Record<string, { loss: number[]; checkpoints: E21Checkpoint[] }>;
};

export const experiment = defineExperiment<typeof e21Params, E21Measurements>(
  {
    id: 'e21',
    title: 'Teacher forcing, free running, scheduled sampling in the encoder–decoder',
    question:
      'In the encoder–decoder, does feeding the true previous tokens speed training up, and how does the model do when it feeds on its own outputs, on a task where errors compound and on a word-for-word translation?',
    params: e21Params,
    defaultSeed: 1,
    trainsInParallel: true,
    tolerance: {
      rtol: 1e-3,
      atol: 1e-6,
      ignore: [],
      why: 'Seeded data, initialization and sampling coins on the same backend repeat a training run step for step; the tolerance only absorbs float32 rounding.',
    },
  },
  run,
);
