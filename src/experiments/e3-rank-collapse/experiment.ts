// e3: Rank collapse with and without skips
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, layers, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e3Params = {
  layers: layers(12, 24),
  width: WIDTH,
  batchSize: BATCH_SIZE,
} satisfies ParamSchema;

export type E3Measurements = {
  layers: number;
  /** 'with skips' | 'without skips' → stack → relative residual at the input (index 0) and after each block. */
  relResidual: Record<string, Record<string, number[]>>;
};

export const experiment = defineExperiment<typeof e3Params, E3Measurements>(
  {
    id: 'e3',
    title: 'Rank collapse with and without skips',
    question: 'Do the token vectors of a deep stack collapse toward one vector without skip connections, and how much do skips slow that?',
    params: e3Params,
    defaultSeed: 1,
    tolerance: {
      rtol: 1e-4,
      atol: 1e-9,
      ignore: [],
      why: 'One forward pass of an untrained model: the same seed on WASM repeats it to float32 rounding.',
    },
  },
  run,
);
