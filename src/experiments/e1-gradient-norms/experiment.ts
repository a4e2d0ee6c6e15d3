// E1: at initialization, for Post-LN, Pre-LN, residual without norm, norm without residual and neither: the
// gradient reaching the stream at each depth (‖∂loss/∂x_l‖) and each block's weight gradient; and the last
// block's weight gradient against depth.
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, layers, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e1Params = {
  layers: layers(12, 24, 2),
  width: WIDTH,
  depths: { type: 'int[]', label: 'Depths of the sweep', default: [2, 4, 8, 16], min: 1, max: 24, maxLength: 8 },
  batchSize: BATCH_SIZE,
} satisfies ParamSchema;

export type E1Measurements = {
  layers: number;
  width: number;
  /** Variant → ‖∂loss/∂x‖ of the stream entering block 0 (index 0) and leaving each block l (index l + 1). */
  streamGradient: Record<string, number[]>;
  /** Variant → ‖∂loss/∂θ‖ of each block's weights, first block first. */
  perLayer: Record<string, number[]>;
  depths: number[];
  /** ‖∂loss/∂θ‖ of the last block's weights for each depth of the sweep. */
  lastLayer: { 'post-ln': number[]; 'pre-ln': number[] };
};

export const experiment = defineExperiment<typeof e1Params, E1Measurements>(
  {
    id: 'e1',
    title: 'Gradient norms at initialization',
    question:
      'How large is the gradient reaching each block of an untrained stack, and its weights, with and without the residual and the norm?',
    params: e1Params,
    defaultSeed: 1,
    tolerance: {
      rtol: 1e-4,
      atol: 1e-9,
      ignore: [],
      why: 'One forward and backward pass, no training: the same seed on WASM repeats it to float32 rounding.',
    },
  },
  run,
);
