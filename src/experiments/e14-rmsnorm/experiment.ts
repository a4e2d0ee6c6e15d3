// e14: RMSNorm against LayerNorm in the same Pre-LN decoder
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, layers, learningRate, steps, TARGET_LOSS, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';
import type { NormTiming } from '~/lab/facade';

export const e14Params = {
  layers: layers(2, 12),
  width: WIDTH,
  batchSize: { ...BATCH_SIZE, default: 32 },
  // A generous budget: each training stops at the target loss, or here.
  steps: steps(400, 'Step budget'),
  lr: learningRate(),
  targetLoss: TARGET_LOSS,
  // What LayerNorm is compared with: RMSNorm, or no norm at all (the claims' counter-run).
  compare: { type: 'enum', label: 'Compared with LayerNorm', default: 'RMSNorm', values: ['RMSNorm', 'no norm'] },
  timing: { type: 'boolean', label: 'Measure time per step', default: true },
} satisfies ParamSchema;

export type E14Run = {
  /** Training loss at every step until the target (or the end of the budget). */
  loss: number[];
  /** First step at which the mean training loss of the last 5 steps is below targetLoss (null: not within the budget). */
  stepsToTarget: number | null;
  outcome: string;
  /** Per sublayer: mean over tokens of μ²/mean(x²) of the norm's input (the stream entering it), at initialization. */
  meanShareAtInit: Record<string, number>;
  /** The same when training stopped (at the target, or at the end of the budget). */
  meanShareAtEnd: Record<string, number>;
};

export type E14Measurements = {
  layers: number;
  width: number;
  steps: number;
  targetLoss: number;
  /** 'LayerNorm' and the compared variant → its training. */
  runs: Record<string, E14Run>;
  /** Wall-clock (never compared): median ms per training step by variant, and one norm alone in three implementations. */
  timing: { msPerStep: Record<string, number>; norms: NormTiming | null };
};

export const experiment = defineExperiment<typeof e14Params, E14Measurements>(
  {
    id: 'e14',
    title: 'RMSNorm against LayerNorm',
    question:
      'In the same Pre-LN decoder, does RMSNorm, which drops LayerNorm’s mean subtraction and bias, train as fast as LayerNorm, and what does a step cost?',
    params: e14Params,
    defaultSeed: 1,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
