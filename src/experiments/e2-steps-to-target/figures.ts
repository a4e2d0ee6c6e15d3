// The charts of E2's measurements (the stored run's at build time, a live run's in the page).
import { thinCurve, lossChart, bars, warm, type FigureMaker } from '~/charts/figure-helpers';
import type { E2Measurements, E2Run } from './experiment';

const WRAPPINGS = 6;
const endLoss = (r: E2Run) => r.loss.slice(-5).reduce((a, b) => a + b, 0) / Math.min(5, r.loss.length);

export const figures: FigureMaker = (m: E2Measurements) => {
  const wrappings = m.runs.slice(0, WRAPPINGS);
  const grid = m.runs.slice(WRAPPINGS);
  // Three charts at most are shown: the curves, the losses at the end of the budget (wrappings, then the
  // learning-rate grid), and the measured time share of the adds and norms (wall-clock, descriptive only).
  return [
    lossChart(
      `Training loss of each wrapping (lr ${m.lr}${warm(m.warmupSteps)}); a model that has learned nothing sits near ln 8 ≈ ${m.floor.toFixed(2)}`,
      wrappings.flatMap((r) => thinCurve(r.variant, r.loss)),
    ),
    bars(
      `Training loss after ${m.steps} steps (mean of the last 5): each wrapping at lr ${m.lr}${warm(m.warmupSteps)}, then the learning-rate grid`,
      'training loss (nats)',
      [
        ...wrappings.map((r): [string, number] => [r.variant, endLoss(r)]),
        ...grid.map((r): [string, number] => [`${r.variant}, lr ${r.lr}${warm(r.warmupSteps)}`, endLoss(r)]),
      ],
    ),
    bars(
      'Share of a training step’s time spent in the residual adds and the norms (measured on the machine that ran it)',
      'share of step time',
      Object.entries(m.timing).flatMap(([v, t]): [string, number][] => [
        [`${v}: adds`, t.shareAdd],
        [`${v}: norms`, t.shareNorm],
      ]),
    ),
  ];
};
