// Dedicated figures per experiment, reading the measurement shapes the experiments return
// (see the *Measurements types next to each experiment in src/lab/experiments/).
import type { ChartSpec, ChartRow } from './spec';

type Curves = Record<string, number[]>;

export type FigureMaker = (measurements: never, params: Record<string, unknown>) => ChartSpec[];

/** Series → values against shared x values (1-based index when xs is not given). */
function curves(data: Curves, xs?: (number | string)[]): ChartRow[] {
  return Object.entries(data).flatMap(([series, ys]) => ys.map((y, i) => ({ series, x: xs?.[i] ?? i + 1, y: y ?? NaN })));
}

export const dedicatedFigures: Record<string, FigureMaker> = {
  e1: (m: { perLayer: Curves; depths: number[]; lastLayer: Curves }) => [
    {
      title: 'Gradient norm of each block at initialization',
      x: { label: 'block (1 = nearest the input)' },
      y: { label: 'gradient norm', log: true },
      mark: 'line',
      rows: curves(m.perLayer),
    },
    {
      title: "Last block's gradient norm against depth",
      x: { label: 'layers in the stack' },
      y: { label: 'gradient norm of the last block' },
      mark: 'line',
      rows: curves(m.lastLayer, m.depths),
    },
  ],
};
