// e10: Adding is not averaging: the size of each update, and a decoder that really averages
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e10Params = {
  layers: layers(4, 12),
  width: WIDTH,
  norm: { type: 'enum', label: 'Norm placement', default: 'post' as 'post' | 'pre', values: ['post', 'pre'] as const },
  steps: steps(150),
  every: { type: 'int', label: 'Measure every', default: 25, min: 5, max: 1000, unit: 'steps' },
  lr: learningRate(),
  // Off, only the decoder that adds trains: the claims about its updates read nothing else.
  averaged: { type: 'boolean', label: 'Also train a decoder that averages', default: true },
} satisfies ParamSchema;

export type E10Measurements = {
  layers: number;
  width: number;
  norm: 'post' | 'pre';
  steps: number;
  every: number;
  lr: number;
  /** Checkpoints (0 = initialization). */
  checkpoints: number[];
  /** The decoder that adds: sublayer → ‖F(x)‖/‖x‖ at each checkpoint. */
  branchRatio: Record<string, number[]>;
  averaged: boolean;
  /** Training loss per step of the decoder that adds, and of the one that averages (none when `averaged` is off). */
  loss: number[];
  averagedLoss: number[];
  /** Held-out teacher-forced accuracy after training (averaged: null when `averaged` is off). */
  accuracy: { added: number; averaged: number | null };
};

export const experiment = defineExperiment<typeof e10Params, E10Measurements>(
  {
    id: 'e10',
    title: 'Adding is not averaging',
    question:
      'How large is what each sublayer adds, ‖F(x)‖, against the stream ‖x‖ it is added to, and what happens to a decoder that averages instead of adding?',
    params: e10Params,
    defaultSeed: 1,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
