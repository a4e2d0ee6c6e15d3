// e2: Training loss at a fixed step budget, and the cost of a step
import { defineExperiment } from '~/lab/experiment/define';
import { layers, learningRate, steps, TARGET_LOSS, TRAINING_TOLERANCE, WIDTH } from '~/lab/experiment/common-params';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e2Params = {
  layers: layers(6, 12),
  width: WIDTH,
  // Every training runs the whole budget and the claims compare losses at its end (no early stop, so the
  // budget is not tuned to the slowest run that reaches the target). 100 keeps the page's run short; the
  // claims are also checked at 1,000 steps (verify-claims).
  steps: steps(100, 'Step budget'),
  targetLoss: TARGET_LOSS,
  lr: learningRate(),
  highLr: { type: 'number', label: 'Highest learning rate of the grid', default: 0.01, min: 0.00001, max: 0.1 },
  warmupSteps: { type: 'int', label: 'Warmup', default: 50, min: 0, max: 1000, unit: 'steps' },
  // 'none' (the default) trains the six wrappings only, which is what the claims about wrappings read; 'one rate'
  // (highLr) is the grid of e2-postln-needs-warmup, 'four rates' (0.1, 0.2, 0.5 and 1 × highLr) that of e2-warmup-grid.
  warmupGrid: {
    type: 'enum',
    label: 'Warmup grid (Post-LN and Pre-LN, with and without warmup)',
    default: 'none',
    values: ['none', 'one rate', 'four rates'],
  },
  // Off, only the grid trains: the grid's claim runs it so (its runs are the same; the claims suite is cheaper).
  wrappings: { type: 'boolean', label: 'Six wrappings (off: the grid only)', default: true },
  // Off, the grid trains what its claims read: Post-LN without and with warmup, Pre-LN without (a quarter fewer trainings).
  preLnWarmup: { type: 'boolean', label: 'Also train Pre-LN with warmup in the grid', default: false },
} satisfies ParamSchema;

export type E2Run = {
  variant: string;
  lr: number;
  warmupSteps: number;
  /** First step at which the mean training loss of the last 5 steps is below targetLoss (null: not within the budget). */
  stepsToTarget: number | null;
  diverged: boolean;
  /** Training loss at every step of the budget. */
  loss: number[];
};

export type E2Measurements = {
  layers: number;
  width: number;
  steps: number;
  targetLoss: number;
  lr: number;
  highLr: number;
  warmupSteps: number;
  warmupGrid: string;
  /** Whether the six wrappings were trained (the first six runs); off, the runs are the grid's only. */
  wrappings: boolean;
  /** Whether the grid trained Pre-LN with warmup too. */
  preLnWarmup: boolean;
  /** ln(number of answer symbols): the loss of a model that has learned nothing about the input. */
  floor: number;
  /** The six wrappings at lr with warmup (when `wrappings`), then the grid: per rate, Post-LN without and with warmup, Pre-LN without (and with, when `preLnWarmup`). */
  runs: E2Run[];
  /** Wall-clock (never compared): ms per step and the measured share in the adds and the norms. */
  timing: Record<
    string,
    { msPerStep: number; msAdd: number; msNorm: number; shareAdd: number; shareNorm: number; adds: number; norms: number }
  >;
};

export const experiment = defineExperiment<typeof e2Params, E2Measurements>(
  {
    id: 'e2',
    title: 'Training loss of each wrapping, and the cost of a step',
    question: 'How far does each way of wrapping the sublayers get in a fixed number of training steps, and what does each step cost?',
    params: e2Params,
    defaultSeed: 1,
    trainsInParallel: true,
    tolerance: TRAINING_TOLERANCE,
  },
  run,
);
