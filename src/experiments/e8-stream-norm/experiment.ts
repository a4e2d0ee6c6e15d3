// e8: The residual stream grows with depth
import { defineExperiment } from '~/lab/experiment/define';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e8Params = {
  layers: { type: 'int', label: 'Layers', default: 12, min: 1, max: 24 },
  batchSize: { type: 'int', label: 'Batch size', default: 16, min: 1, max: 128, unit: 'sequences' },
} satisfies ParamSchema;

export type E8Measurements = {
  layers: number;
  /** Variant → mean token norm at the input (index 0) and after each block. */
  streamNorm: Record<string, number[]>;
};

export const experiment = defineExperiment<typeof e8Params, E8Measurements>(
  {
    id: 'e8',
    title: 'The residual stream grows with depth',
    question: 'How large is the residual stream after each block, with and without normalization?',
    params: e8Params,
    defaultSeed: 1,
    tolerance: { rtol: 1e-4, atol: 1e-9, ignore: [], why: 'One forward pass of an untrained model: the same seed on WASM repeats it to float32 rounding.' },
  },
  run,
);
