// e5: Deleting a block after training
import { defineExperiment } from '~/lab/experiment/define';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e5Params = {
  layers: { type: 'int', label: 'Layers', default: 3, min: 2, max: 12 },
  steps: { type: 'int', label: 'Training steps', default: 200, min: 10, max: 2000, unit: 'steps' },
  lr: { type: 'number', label: 'Learning rate', default: 0.003, min: 0.00001, max: 0.1 },
} satisfies ParamSchema;

export type E5Measurements = {
  layers: number; steps: number; lr: number; chance: number;
  /** Variant → teacher-forced accuracy intact, with block l deleted, and the last training loss. */
  accuracy: Record<string, { intact: number; lesioned: number[]; trainLoss: number }>;
};

export const experiment = defineExperiment<typeof e5Params, E5Measurements>(
  {
    id: 'e5',
    title: 'Deleting a block after training',
    question: 'How much accuracy does a trained model lose when one block is deleted, with and without residual connections?',
    params: e5Params,
    defaultSeed: 1,
    tolerance: { rtol: 1e-3, atol: 1e-6, ignore: ['timing'], why: 'Seeded data and initialization on the same backend repeat a training run step for step; the tolerance only absorbs float32 rounding, and wall-clock timing is not compared.' },
  },
  run,
);
