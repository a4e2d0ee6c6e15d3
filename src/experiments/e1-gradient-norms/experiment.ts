// E1: gradient norm per layer at initialization for Post-LN, Pre-LN, residual without norm, norm without
// residual and neither; and the last layer's gradient norm against depth.
import { defineExperiment } from '~/lab/experiment/define';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e1Params = {
  layers: { type: 'int', label: 'Layers', default: 12, min: 2, max: 24 },
  depths: { type: 'int[]', label: 'Depths of the sweep', default: [2, 4, 8, 16], min: 1, max: 24, maxLength: 8 },
  batchSize: { type: 'int', label: 'Batch size', default: 16, min: 1, max: 128, unit: 'sequences' },
} satisfies ParamSchema;

export type E1Measurements = {
  layers: number;
  /** Variant → gradient norm of each block, first block first. */
  perLayer: Record<string, number[]>;
  depths: number[];
  /** Gradient norm of the last block for each depth of the sweep. */
  lastLayer: { 'post-ln': number[]; 'pre-ln': number[] };
};

export const experiment = defineExperiment<typeof e1Params, E1Measurements>(
  {
    id: 'e1',
    title: 'Gradient norms at initialization',
    question: 'How large is the gradient reaching each layer of an untrained stack, with and without the residual and the norm?',
    params: e1Params,
    defaultSeed: 1,
    tolerance: { rtol: 1e-4, atol: 1e-9, ignore: [], why: 'One forward and backward pass, no training: the same seed on WASM repeats it to float32 rounding.' },
  },
  run,
);
