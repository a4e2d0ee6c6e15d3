// E17: why does Post-LN need a learning-rate warmup? The same Post-LN decoder at a high learning rate, trained for a
// fixed number of steps with Adam (a linear warmup, or Adam-2k: no warmup but Adam's second moment estimated
// before the first update, Liu et al. 2019; plain Adam without warmup is E2's) and with SGD with momentum (no adaptive rate at all), against
// Pre-LN with SGD at the same rate; plus each block's gradient norm at initialization.
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, layers, steps, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e17Params = {
  layers: layers(3, 12),
  width: WIDTH,
  steps: steps(64),
  adamLr: { type: 'number', label: 'Learning rate (Adam)', default: 0.01, min: 0.00001, max: 0.1 },
  sgdLr: { type: 'number', label: 'Learning rate (SGD with momentum 0.9)', default: 0.2, min: 0.0001, max: 2 },
  warmupSteps: { type: 'int', label: 'Linear warmup', default: 32, min: 1, max: 1000, unit: 'steps' },
  vOnlySteps: { type: 'int', label: 'Adam-2k: batches that estimate v before the first update', default: 32, min: 1, max: 1000 },
  batchSize: BATCH_SIZE,
} satisfies ParamSchema;

/** One training run: its loss at each step it took (it stops early only if it diverges: loss above 10⁴ or not finite). */
export type E17Run = { diverged: boolean; loss: number[] };

export type E17Measurements = {
  layers: number;
  width: number;
  steps: number;
  adamLr: number;
  sgdLr: number;
  warmupSteps: number;
  vOnlySteps: number;
  /** ln(number of answer symbols): the loss of a model that has learned nothing about the input. */
  floor: number;
  /** 'Post-LN, Adam, warmup', 'Post-LN, Adam-2k', 'Post-LN, SGD', 'Pre-LN, SGD' → its run. */
  runs: Record<string, E17Run>;
  /** ‖∂L/∂θ‖ of each decoder block at initialization, on one batch: 'Post-LN' and 'Pre-LN' → per block, bottom to top. */
  initGrad: Record<string, number[]>;
};

export const experiment = defineExperiment<typeof e17Params, E17Measurements>(
  {
    id: 'e17',
    title: 'What warmup fixes: Adam’s first steps or Post-LN’s',
    question:
      'At a learning rate where Post-LN without warmup learns nothing, does estimating Adam’s second moment first (Adam-2k) do what a warmup does, and does Post-LN fail with plain SGD with momentum where Pre-LN trains?',
    params: e17Params,
    defaultSeed: 1,
    trainsInParallel: true,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
