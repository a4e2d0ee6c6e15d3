// e8: The residual stream by depth: its size, and how much of the input it still carries
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, layers, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e8Params = {
  layers: layers(12, 24),
  width: WIDTH,
  batchSize: BATCH_SIZE,
  // The claims run one group at a time: the growth claim on the stacks whose stream has no norm, and on the
  // normalized ones as its counter-run.
  stacks: { type: 'enum', label: 'Stacks', default: 'all', values: ['all', 'stream not normalized', 'stream normalized'] },
} satisfies ParamSchema;

export type E8Measurements = {
  layers: number;
  width: number;
  /** Stack → mean token norm at the input (index 0) and after each block. */
  streamNorm: Record<string, number[]>;
  /** Stack → mean over tokens of ⟨x_l, x₀⟩/⟨x₀, x₀⟩ at the input (1) and after each block. */
  inputCoefficient: Record<string, number[]>;
};

export const experiment = defineExperiment<typeof e8Params, E8Measurements>(
  {
    id: 'e8',
    title: 'The residual stream by depth',
    question:
      'How large is the residual stream after each block, and how much of the input does it still carry, with and without normalization on it?',
    params: e8Params,
    defaultSeed: 1,
    tolerance: {
      rtol: 1e-4,
      atol: 1e-6,
      ignore: [],
      why: 'One forward pass of an untrained model: the same seed on WASM repeats it to float32 rounding (coefficients near zero get an absolute tolerance).',
    },
  },
  run,
);
