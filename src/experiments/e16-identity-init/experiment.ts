// E16: can a deep stack start at the identity instead of normalizing? A residual stack with no norm at all, started
// near the identity in two ways (ReZero's learned α = 0, ReZ20; GPT-2's fixed 1/√(2N) branch scale, Rad19), against
// the same stack with Pre-LN and without either: the stream's growth and ‖F(x)‖/‖x‖ at initialization, then steps
// to a target loss.
import { defineExperiment } from '~/lab/experiment/define';
import { BATCH_SIZE, layers, learningRate, steps, TARGET_LOSS, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e16Params = {
  layers: layers(4, 24),
  width: WIDTH,
  batchSize: BATCH_SIZE,
  // A generous budget: each training stops at the target loss, or here.
  steps: steps(200, 'Step budget'),
  lr: learningRate(),
  targetLoss: TARGET_LOSS,
  // Switches for the claims' counter-runs: without α, or with scale 1, the stack is the plain one without a norm.
  rezero: { type: 'boolean', label: 'ReZero’s α on the stack without a norm', default: true },
  scale: { type: 'enum', label: 'Branch scale of the scaled stack', default: '1/√(2N)', values: ['1/√(2N)', '1'] },
  train: { type: 'boolean', label: 'Train after measuring at initialization', default: true },
} satisfies ParamSchema;

/** One stack: what it is, the stream and its branches at initialization, and its training (null when not trained). */
export type E16Stack = {
  /** The legend's name: 'Pre-LN', 'ReZero, no norm', '1/√(2N), no norm', 'residual, no norm', … */
  label: string;
  /** Mean token norm of the stream at the input (index 0) and after each block, at initialization. */
  streamNorm: number[];
  /** ‖F(x)‖/‖x‖ per sublayer ('dec.0.self', …) at initialization, F as it is added (times its scale and α). */
  branchRatio: Record<string, number>;
  training: {
    loss: number[];
    /** First step at which the mean training loss of the last 5 steps is below targetLoss (null: not within the budget). */
    stepsToTarget: number | null;
    outcome: string;
    /** ‖F(x)‖/‖x‖ per sublayer when training stopped. */
    branchRatioAtEnd: Record<string, number>;
  } | null;
};

export type E16Measurements = {
  layers: number;
  width: number;
  steps: number;
  targetLoss: number;
  /** The scaled stack's s in x + s·F(x). */
  branchScale: number;
  /** preLn, rezero (ReZero's α unless switched off), scaled (s = branchScale), plain (no norm, no α, no scale; never trained). */
  stacks: Record<'preLn' | 'rezero' | 'scaled' | 'plain', E16Stack>;
};

export const experiment = defineExperiment<typeof e16Params, E16Measurements>(
  {
    id: 'e16',
    title: 'Starting at the identity instead of normalizing',
    question:
      'Without any norm, does a residual stack that starts near the identity (ReZero’s α = 0, or GPT-2’s 1/√(2N) branch scale) keep its stream from growing with depth, and reach a target loss in about as many steps as Pre-LN?',
    params: e16Params,
    defaultSeed: 1,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
