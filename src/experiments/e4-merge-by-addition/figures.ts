// The charts of E4's measurements (the stored run's at build time, a live run's in the page).
import { thinCurve, lossChart, bars, type Maybe, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: {
  steps: number;
  results: { connection: string; parameters: number; stepsToTarget: Maybe; loss: Maybe[] }[];
}) => [
  lossChart(
    'Training loss by merge',
    m.results.flatMap((r) => thinCurve(r.connection, r.loss)),
  ),
  bars(
    `Steps to reach the target loss (missing bar: not reached within ${m.steps} steps)`,
    'steps to target',
    m.results.map((r) => [r.connection, r.stepsToTarget]),
  ),
  // Counted from the model's tensors; concatenation's 2d² + d per sublayer is checked by a unit test.
  bars(
    'Parameters by merge',
    'parameters',
    m.results.map((r) => [r.connection, r.parameters]),
  ),
];
