// e7: Label leakage: the causal mask and the right shift
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e7Params = {
  layers: layers(2, 8),
  width: WIDTH,
  steps: steps(150),
  lr: learningRate(),
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
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
