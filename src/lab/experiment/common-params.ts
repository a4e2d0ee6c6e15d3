// The parameters and tolerance most experiments share, defined once so that a block's "Layers", "Width d" or
// "Learning rate" field has the same label, bounds and meaning on every page.
import type { IntParam, NumberParam } from './schema';
import type { RunTolerance } from './types';

export const layers = (defaultLayers: number, max: number, min = 1): IntParam => ({
  type: 'int',
  label: 'Layers',
  default: defaultLayers,
  min,
  max,
});

export const WIDTH: IntParam = { type: 'int', label: 'Width d', default: 32, min: 8, max: 128 };

export const BATCH_SIZE: IntParam = { type: 'int', label: 'Batch size', default: 16, min: 1, max: 128, unit: 'sequences' };

export const learningRate = (defaultRate = 0.003): NumberParam => ({
  type: 'number',
  label: 'Learning rate',
  default: defaultRate,
  min: 0.00001,
  max: 0.1,
});

/** A fixed number of steps (label "Training steps") or a budget that training may stop early within ("Step budget"). */
export const steps = (defaultSteps: number, label: 'Training steps' | 'Step budget' = 'Training steps', max = 2000): IntParam => ({
  type: 'int',
  label,
  default: defaultSteps,
  min: 10,
  max,
  unit: 'steps',
});

export const TARGET_LOSS: NumberParam = { type: 'number', label: 'Target loss', default: 1, min: 0.01, max: 2, unit: 'nats' };

/** For experiments that train: a seeded run repeats step for step, up to float32 rounding; time is not compared. */
export const TRAINING_TOLERANCE: RunTolerance = {
  rtol: 1e-3,
  atol: 1e-6,
  ignore: ['timing'],
  why: 'Seeded data and initialization on the same backend repeat a training run step for step; the tolerance only absorbs float32 rounding, and wall-clock timing is not compared.',
};
