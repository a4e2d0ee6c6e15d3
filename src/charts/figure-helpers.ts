// Building blocks of the experiments' figures (src/experiments/<folder>/figures.ts): curves, thinned training
// curves (at most 40 points, so the build-time SVG and its data table stay small), bars, log-scale choice.
import type { ChartSpec, ChartRow } from './spec';

export type Curves = Record<string, number[]>;
export type Maybe = number | null;

export type FigureMaker = (measurements: never, params: Record<string, unknown>) => ChartSpec[];

/** Series → values against shared x values (1-based index when xs is not given). */
export function curves(data: Record<string, Maybe[]>, xs?: (number | string)[]): ChartRow[] {
  return Object.entries(data).flatMap(([series, ys]) => ys.map((y, i) => ({ series, x: xs?.[i] ?? i + 1, y: y ?? NaN })));
}

/** A training curve as (step, value) rows, at most `max` evenly spaced points plus the last. */
export function thinCurve(series: string, ys: Maybe[], max = 40): ChartRow[] {
  const every = Math.max(1, Math.ceil(ys.length / max));
  const rows: ChartRow[] = [];
  ys.forEach((y, i) => {
    if (i % every === 0 || i === ys.length - 1) rows.push({ series, x: i + 1, y: y ?? NaN });
  });
  return rows;
}

/** Log scale when the positive values span more than `ratio` (three orders of magnitude by default). */
export function wideRange(rows: ChartRow[], ratio = 1e3): boolean {
  const v = rows.map((r) => Math.abs(r.y)).filter((y) => Number.isFinite(y) && y > 0);
  return v.length > 1 && Math.max(...v) / Math.min(...v) > ratio;
}

export function lossChart(title: string, rows: ChartRow[]): ChartSpec {
  // A loss that starts far above the rest (an unnormalized stack) would flatten every other curve.
  return { title, x: { label: 'training step' }, y: { label: 'training loss (nats)', log: wideRange(rows, 20) }, mark: 'line', rows };
}

export function bars(title: string, yLabel: string, values: [string, Maybe][], group = ''): ChartSpec {
  return {
    title,
    x: { label: group || 'variant' },
    y: { label: yLabel },
    mark: 'bar',
    rows: values.map(([series, y]) => ({ series, x: group || series, y: y ?? NaN })),
  };
}

export const warm = (w: number) => (w > 0 ? `, warmup ${w}` : '');
