// e13: BatchNorm in a decoder: does one sequence's output depend on the rest of the batch?
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e13Params = {
  layers: layers(2, 12),
  width: WIDTH,
  batchSize: { type: 'int', label: 'Batch size', default: 32, min: 2, max: 128, unit: 'sequences' },
  placement: { type: 'enum', label: 'Norm placement', default: 'pre', values: ['pre', 'post'] },
  // The claims measure one norm at a time: BatchNorm for the claim, LayerNorm as its counter-run.
  norms: { type: 'enum', label: 'Norms', default: 'both', values: ['both', 'BatchNorm', 'LayerNorm'] },
  // 0 = measure at initialization only (the claims about a fresh model run without training).
  steps: { type: 'int', label: 'Training steps', default: 80, min: 0, max: 2000, unit: 'steps' },
  lr: learningRate(0.01),
} satisfies ParamSchema;

export type E13Norm = {
  /** ‖Δ‖/‖logits‖ of sequence 0 (all positions) when the other sequences of its batch are redrawn. */
  otherSequences: number;
  /** The same change when sequence 0 runs in a batch of only the first `sizes[i]` sequences (1 = alone). */
  bySize: number[];
  /** Per position before the last: ‖Δ‖/‖logits‖ at that position when only the last decoder input of sequence 0 changes. */
  laterToken: number[];
  /** After training: mean held-out answer loss, run as batches of batchSize. */
  heldOutInBatches?: number;
  /** After training: the same sequences' mean loss, run one sequence at a time (BatchNorm: that sequence's statistics). */
  heldOutAlone?: number;
  /** The same, one sequence at a time with BatchNorm's running statistics (averaged over 20 batches after training). */
  heldOutRunning?: number;
};

export type E13Measurements = {
  layers: number;
  width: number;
  batchSize: number;
  steps: number;
  /** The smaller batch sizes of bySize. */
  sizes: number[];
  /** 'BatchNorm' and/or 'LayerNorm' → its measurements. */
  norms: Record<string, E13Norm>;
};

export const experiment = defineExperiment<typeof e13Params, E13Measurements>(
  {
    id: 'e13',
    title: 'BatchNorm in a decoder: one sequence and the rest of its batch',
    question:
      'With BatchNorm in place of LayerNorm, does a sequence’s output depend on the other sequences of its batch, on the batch size and on its own later tokens, and does a trained model do worse run one sequence at a time?',
    params: e13Params,
    defaultSeed: 1,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
