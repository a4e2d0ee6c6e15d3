// The charts of E2's measurements (the stored run's at build time, a live run's in the page).
import { thinCurve, lossChart, bars, warm, type Maybe, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: { steps: number; runs: { variant: string; lr: number; warmupSteps: number; stepsToTarget: Maybe; loss: Maybe[] }[]; opsPerStep: Record<string, number> }) => {
  const name = (r: (typeof m.runs)[number]) => `${r.variant}, lr ${r.lr}${warm(r.warmupSteps)}`;
  return [
    lossChart('Training loss of each variant', m.runs.flatMap((r) => thinCurve(name(r), r.loss))),
    bars(`Steps to reach the target loss (missing bar: not reached within ${m.steps} steps)`, 'steps to target', m.runs.map((r) => [name(r), r.stepsToTarget])),
    bars('TF.js operations in one training step', 'operations per step', Object.entries(m.opsPerStep)),
  ];
};
