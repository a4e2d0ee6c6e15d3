// e7: Label leakage: the causal mask and the right shift
import { defineExperiment } from '~/lab/experiment/define';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e7Params = {
  layers: { type: 'int', label: 'Layers', default: 2, min: 1, max: 8 },
  width: { type: 'int', label: 'Width d', default: 32, min: 8, max: 128 },
  steps: { type: 'int', label: 'Training steps', default: 150, min: 10, max: 2000, unit: 'steps' },
  lr: { type: 'number', label: 'Learning rate', default: 0.003, min: 0.00001, max: 0.1 },
} satisfies ParamSchema;

export type E7Measurements = {
  layers: number;
  width: number;
  steps: number;
  lr: number;
  entropyFloor: number;
  chance: number;
  results: Record<
    string,
    { trainLoss: number[]; questionLoss: number; lossByPosition: number[]; teacherForced: number; generated: number }
  >;
};

export const experiment = defineExperiment<typeof e7Params, E7Measurements>(
  {
    id: 'e7',
    title: 'Label leakage: the causal mask and the right shift',
    question: 'What does a decoder learn when the causal mask or the right shift is missing?',
    params: e7Params,
    defaultSeed: 1,
    tolerance: {
      rtol: 1e-3,
      atol: 1e-6,
      ignore: ['timing'],
      why: 'Seeded data and initialization on the same backend repeat a training run step for step; the tolerance only absorbs float32 rounding, and wall-clock timing is not compared.',
    },
  },
  run,
);
