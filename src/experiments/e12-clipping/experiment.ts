// E12: what fixes exploding gradients? A deep residual stack without normalization, trained with Adam at a high
// learning rate, without and with gradient clipping (Pas13), against the same stack with Pre-LN: whether each
// run diverges, and its loss at every step.
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, layers, learningRate, steps, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e12Params = {
  layers: layers(8, 24),
  width: WIDTH,
  lr: learningRate(0.01),
  steps: steps(30),
  clipNorm: { type: 'number', label: 'Clip the gradient norm at', default: 1, min: 0.001, max: 1e6 },
  batchSize: BATCH_SIZE,
} satisfies ParamSchema;

/** One training run: its loss and gradient norm (before clipping) at each step it took. */
export type E12Run = {
  /** 'diverged' when the loss passed 10⁴ nats or stopped being finite; the run stops there. */
  status: 'done' | 'diverged';
  /** The step at which it diverged, or null. */
  divergedAt: number | null;
  loss: number[];
  gradNorm: number[];
};

export type E12Measurements = {
  layers: number;
  width: number;
  lr: number;
  steps: number;
  clipNorm: number;
  /** 'residual, no norm', 'residual, no norm, clipped', 'pre-ln' → its run. */
  runs: Record<string, E12Run>;
};

export const experiment = defineExperiment<typeof e12Params, E12Measurements>(
  {
    id: 'e12',
    title: 'Clipping against normalization',
    question:
      'At a learning rate where an unnormalized deep residual stack blows up, does clipping the gradient norm stop it, does it make the stack learn, and what does Pre-LN do at the same rate?',
    params: e12Params,
    defaultSeed: 1,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
