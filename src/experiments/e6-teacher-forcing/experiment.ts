// e6: Teacher forcing, free running, scheduled sampling
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e6Params = {
  layers: layers(2, 8),
  width: WIDTH,
  // 400 steps at lr 0.01: the teacher-forced model has converged (loss ≈ 0, every position right) by then.
  steps: steps(400),
  every: { type: 'int', label: 'Evaluate every', default: 50, min: 5, max: 1000, unit: 'steps' },
  lr: learningRate(0.01),
  // Off by default: no claim uses it, and its sequential decoding makes every step several times slower.
  scheduledSampling: { type: 'boolean', label: 'Also train with scheduled sampling', default: false },
} satisfies ParamSchema;

export type E6Measurements = {
  layers: number;
  width: number;
  steps: number;
  every: number;
  lr: number;
  scheduledSampling: boolean;
  results: Record<string, { loss: number[]; checkpoints: { step: number; teacherForced: number[]; freeRunning: number[] }[] }>;
};

export const experiment = defineExperiment<typeof e6Params, E6Measurements>(
  {
    id: 'e6',
    title: 'Teacher forcing, free running, scheduled sampling',
    question:
      'Does feeding the true previous tokens during training speed it up, and what happens when the model must feed on its own outputs?',
    params: e6Params,
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
