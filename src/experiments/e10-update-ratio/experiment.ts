// e10: Adding is not averaging: the size of each update
import { defineExperiment } from '~/lab/experiment/define';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e10Params = {
  layers: { type: 'int', label: 'Layers', default: 4, min: 1, max: 12 },
  steps: { type: 'int', label: 'Training steps', default: 150, min: 10, max: 2000, unit: 'steps' },
  every: { type: 'int', label: 'Measure every', default: 25, min: 5, max: 1000, unit: 'steps' },
  lr: { type: 'number', label: 'Learning rate', default: 0.003, min: 0.00001, max: 0.1 },
} satisfies ParamSchema;

export type E10Measurements = {
  layers: number; steps: number; every: number; lr: number;
  /** Checkpoints (0 = initialization). */
  checkpoints: number[];
  branchRatio: Record<string, number[]>;
  loss: number[];
};

export const experiment = defineExperiment<typeof e10Params, E10Measurements>(
  {
    id: 'e10',
    title: 'Adding is not averaging: the size of each update',
    question: 'How large is what each sublayer adds, ‖F(x)‖, against the stream ‖x‖ it is added to, through training?',
    params: e10Params,
    defaultSeed: 1,
    tolerance: { rtol: 1e-3, atol: 1e-6, ignore: ['timing'], why: 'Seeded data and initialization on the same backend repeat a training run step for step; the tolerance only absorbs float32 rounding, and wall-clock timing is not compared.' },
  },
  run,
);
