// e2: Steps to a target loss, and the cost of a step
import { defineExperiment } from '~/lab/experiment/define';
import { run } from './core.js';
import type { ParamSchema } from '~/lab/experiment/schema';

export const e2Params = {
  layers: { type: 'int', label: 'Layers', default: 6, min: 1, max: 12 },
  // 160: the slowest run that reaches the target (Post-LN at highLr with warmup) needed 109–140 steps over seeds 1–3.
  steps: { type: 'int', label: 'Step budget', default: 160, min: 10, max: 2000, unit: 'steps' },
  targetLoss: { type: 'number', label: 'Target loss', default: 1, min: 0.01, max: 2, unit: 'nats' },
  lr: { type: 'number', label: 'Learning rate', default: 0.003, min: 0.00001, max: 0.1 },
  highLr: { type: 'number', label: 'High learning rate', default: 0.01, min: 0.00001, max: 0.1 },
  warmupSteps: { type: 'int', label: 'Warmup', default: 50, min: 0, max: 1000, unit: 'steps' },
} satisfies ParamSchema;

export type E2Measurements = {
  layers: number; steps: number; targetLoss: number; lr: number; highLr: number; warmupSteps: number;
  /** The five variants at lr (with warmup), then Post-LN at highLr without and with warmup, and Pre-LN at highLr. */
  runs: { variant: string; lr: number; warmupSteps: number; stepsToTarget: number | null; status: string; loss: number[] }[];
  /** TF.js kernels in one forward + backward pass, per variant. */
  opsPerStep: Record<string, number>;
  /** Wall-clock (never compared): ms per step and the measured share in the adds and the norms. */
  timing: Record<string, { msPerStep: number; msAdd: number; msNorm: number; shareAdd: number; shareNorm: number; adds: number; norms: number }>;
};

export const experiment = defineExperiment<typeof e2Params, E2Measurements>(
  {
    id: 'e2',
    title: 'Steps to a target loss, and the cost of a step',
    question: 'How many training steps does each way of wrapping the sublayers need to reach a target loss, and what does each step cost?',
    params: e2Params,
    defaultSeed: 1,
    trainsInParallel: true,
    tolerance: { rtol: 1e-3, atol: 1e-6, ignore: ['timing'], why: 'Seeded data and initialization on the same backend repeat a training run step for step; the tolerance only absorbs float32 rounding, and wall-clock timing is not compared.' },
  },
  run,
);
