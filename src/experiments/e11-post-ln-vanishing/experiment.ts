// E11: does the original Post-LN decoder still suffer vanishing gradients? At initialization, for Post-LN,
// Pre-LN and LayerNorm without residual, at several depths: the gradient reaching the stream at the input and
// after each block (‖∂L/∂x_l‖), and each block's weight gradient (‖∂L/∂θ_l‖).
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e11Params = {
  width: WIDTH,
  depths: { type: 'int[]', label: 'Depths of the sweep', default: [6, 12, 24], min: 1, max: 48, maxLength: 6, unit: 'layers' },
  batchSize: BATCH_SIZE,
} satisfies ParamSchema;

export type E11Measurements = {
  width: number;
  depths: number[];
  /** Variant → for each depth, ‖∂loss/∂x‖ of the stream entering block 0 (index 0) and leaving each block l (index l + 1). */
  streamGradient: Record<string, number[][]>;
  /** Variant → for each depth, ‖∂loss/∂θ‖ of each block's weights, first block first. */
  perLayer: Record<string, number[][]>;
  /** Variant → for each depth, ‖∂loss/∂x₀‖/‖∂loss/∂x_L‖: below 1 the gradient shrinks on its way down, above 1 it grows. */
  inputToTop: Record<string, number[]>;
};

export const experiment = defineExperiment<typeof e11Params, E11Measurements>(
  {
    id: 'e11',
    title: 'Post-LN’s gradient on its way down, by depth',
    question:
      'At initialization, does the gradient shrink on its way from the top of a Post-LN decoder to its input, and how does that change as the stack gets deeper, against Pre-LN and LayerNorm without residual?',
    params: e11Params,
    defaultSeed: 1,
    tolerance: {
      rtol: 1e-4,
      atol: 1e-9,
      ignore: [],
      why: 'Forward and backward passes on fresh models, no training: the same seed on WASM repeats them to float32 rounding.',
    },
  },
  run,
);
