// e9: Attention weights are learned
import { defineExperiment } from '~/lab/experiment/define';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e9Params = {
  layers: { type: 'int', label: 'Layers', default: 2, min: 1, max: 8 },
  width: { type: 'int', label: 'Width d', default: 32, min: 8, max: 128 },
  steps: { type: 'int', label: 'Training steps', default: 150, min: 10, max: 2000, unit: 'steps' },
  lr: { type: 'number', label: 'Learning rate', default: 0.003, min: 0.00001, max: 0.1 },
} satisfies ParamSchema;

export type E9Measurements = {
  layers: number;
  width: number;
  steps: number;
  lr: number;
  /** Block → ‖W_trained − W_init‖/‖W_init‖ for WQ, WK, WV, WO. */
  relativeChange: Record<string, Record<string, number>>;
  /** Teacher-forced accuracy with attention trained, and with it frozen at initialization. */
  accuracy: Record<string, number>;
};

export const experiment = defineExperiment<typeof e9Params, E9Measurements>(
  {
    id: 'e9',
    title: 'Attention weights are learned',
    question: 'How far does training move W^Q, W^K, W^V and W^O, and what does freezing them at initialization cost?',
    params: e9Params,
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
