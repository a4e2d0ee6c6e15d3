// e9: Attention weights are learned
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e9Params = {
  layers: layers(2, 8),
  width: WIDTH,
  steps: steps(150),
  lr: learningRate(),
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
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
