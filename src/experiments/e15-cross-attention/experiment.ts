// e15: Cross-attention learns the word order of a translation
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e15Params = {
  layers: layers(2, 6), // in the encoder and in the decoder each
  width: WIDTH,
  steps: steps(200),
  lr: learningRate(),
} satisfies ParamSchema;

export type E15Measurements = {
  layers: number;
  width: number;
  steps: number;
  lr: number;
  /** Target position t translates source position alignment[t] (SVO → SOV: the verb moves to the end). */
  alignment: number[];
  /** Decoder block's cross-attention sublayer ('dec.0.cross', …) → [target position][source position], mean over heads and a held-out batch, at initialization. */
  before: Record<string, number[][]>;
  /** The same after training. */
  after: Record<string, number[][]>;
  /** How the training ended ('done', or 'diverged' with the run stopped). */
  status: string;
  /** Training loss per step. */
  loss: number[];
  /** Teacher-forced accuracy on held-out sentences after training. */
  accuracy: number;
};

export const experiment = defineExperiment<typeof e15Params, E15Measurements>(
  {
    id: 'e15',
    title: 'Cross-attention learns the word order',
    question: 'In an encoder–decoder trained to translate SVO into SOV, where does each target position look in the source?',
    params: e15Params,
    defaultSeed: 1,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
