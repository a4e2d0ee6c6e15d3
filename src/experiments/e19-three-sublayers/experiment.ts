// E19: Add & Norm around each of the decoder's three sublayers in the original encoder–decoder (Post-LN, Vas17):
// the paper's layer, Pre-LN, and the paper's layer with the residual removed around one sublayer (self-attention,
// cross-attention or feed-forward), trained from the same seed on the toy translation. Per-sublayer gradient norms at
// initialization, the training loss at every step, and held-out accuracy at the end.
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e19Params = {
  layers: layers(2, 6),
  width: WIDTH,
  steps: steps(50),
  lr: learningRate(),
  // Which decoder sublayer loses its residual (each in turn: three more trainings), beside Post-LN and Pre-LN.
  without: {
    type: 'enum',
    label: 'Residual removed around',
    default: 'each in turn',
    values: ['each in turn', 'self-attention', 'cross-attention', 'feed-forward'],
  },
  // Off, only the gradients at initialization are measured: the first claim reads nothing else.
  train: { type: 'boolean', label: 'Train after measuring at initialization', default: true },
} satisfies ParamSchema;

export type E19Run = {
  /** Training loss at every step (none when `train` is off). */
  loss: number[];
  /** Teacher-forced accuracy on held-out sentences at the end (null when `train` is off). */
  accuracy: number | null;
  /** ‖∂L/∂θ‖ of each decoder sublayer's parameters at initialization, by block: { self: [block 1, …], cross: […], ffn: […] }. */
  gradientAtInit: Record<string, number[]>;
};

export type E19Measurements = {
  layers: number;
  width: number;
  steps: number;
  lr: number;
  without: string;
  train: boolean;
  /** 'Post-LN (the paper)', 'Pre-LN', 'no residual around self-attention', … → its training. */
  runs: Record<string, E19Run>;
};

export const experiment = defineExperiment<typeof e19Params, E19Measurements>(
  {
    id: 'e19',
    title: 'Add & Norm around each of the decoder’s three sublayers',
    question:
      'In the original encoder–decoder, how much does each of the decoder’s three residual connections (around self-attention, cross-attention and the feed-forward network) speed up training, and where do the gradients at initialization go?',
    params: e19Params,
    defaultSeed: 1,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
