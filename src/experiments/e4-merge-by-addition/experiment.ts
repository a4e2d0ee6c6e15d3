// e4: Addition vs concatenation vs highway vs none
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, TARGET_LOSS, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e4Params = {
  layers: layers(4, 12),
  width: WIDTH,
  // Runs stop at the target, so the budget only bounds the runs that do not get there. 700 is more than 5×
  // the slowest merge a claim compares (concatenation from random weights: 122 steps on seed 1).
  steps: steps(700, 'Step budget', 4000),
  targetLoss: TARGET_LOSS,
  lr: learningRate(),
  // Off by default: no claim reads them, and with no connection the model needs most of the budget (676 steps
  // on seed 1), several times the other merges together.
  highwayAndNone: { type: 'boolean', label: 'Also train with a highway gate and with no connection', default: false },
} satisfies ParamSchema;

export type E4Measurements = {
  layers: number;
  width: number;
  steps: number;
  targetLoss: number;
  lr: number;
  highwayAndNone: boolean;
  dModel: number;
  sublayers: number;
  /** 'residual', 'concat (random)', 'concat ([I; I])', then 'highway' and 'none' if asked for, in this order. */
  results: { connection: string; parameters: number; gradients: number[]; stepsToTarget: number | null; loss: number[] }[];
};

export const experiment = defineExperiment<typeof e4Params, E4Measurements>(
  {
    id: 'e4',
    title: 'Addition vs concatenation vs highway vs none',
    question:
      'What does each way of merging a sublayer with its input cost in weights, and how does it change gradient flow and training speed?',
    params: e4Params,
    defaultSeed: 1,
    trainsInParallel: true,
    tolerance: {
      rtol: 1e-3,
      atol: 1e-6,
      ignore: [],
      why: 'Seeded data and initialization on the same backend repeat a training run step for step; the tolerance only absorbs float32 rounding.',
    },
  },
  run,
);
