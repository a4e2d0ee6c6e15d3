// Observable Plot options for a ChartSpec. Axes and text use currentColor so the figure follows the theme;
// series colours are the site-wide colours of their variants (colors.ts). `compare` draws a second
// data set (the stored reference) dashed and faint behind the first (the reader's run).
import * as Plot from '@observablehq/plot';
import { plottableRows, type ChartSpec, type ChartRow } from './spec';

import { seriesColors } from './colors';

function marks(spec: ChartSpec, rows: ChartRow[], faint: boolean): Plot.Markish[] {
  const style = faint ? { strokeOpacity: 0.45, strokeDasharray: '4 3', fillOpacity: 0.45 } : {};
  const xy = { x: 'x', y: 'y', stroke: 'series', ...style };
  if (spec.mark === 'bar') {
    // Horizontal bars: variant names are long, and read better as row labels than as rotated ticks.
    return [
      Plot.barX(rows, { y: 'series', x: 'y', fill: 'series', fy: spec.x.band ? 'x' : undefined, ...(faint ? { fillOpacity: 0.35 } : {}) }),
    ];
  }
  if (spec.mark === 'dot') return [Plot.dot(rows, { ...xy, r: faint ? 2 : 3 })];
  const perSeries = rows.length / Math.max(1, new Set(rows.map((r) => r.series)).size);
  const line = Plot.line(rows, { ...xy, z: 'series', strokeWidth: faint ? 1.5 : 2 });
  // Dots mark the measured points on short curves; on long training curves they would only add clutter.
  return perSeries <= 16 ? [line, Plot.dot(rows, { ...xy, r: faint ? 1.5 : 2.5, fill: 'series' })] : [line];
}

/** Exponent ticks only when the values span more than three decades; otherwise plain numbers read better. */
/** Tick labels for a log axis: powers of ten when the data spans decades, else plain numbers (Plot's default
 * SI labels read "400m" for 0.4, which looks like a distance). */
function logTickFormat(rows: ChartRow[]): string {
  return spansDecades(rows) ? '~e' : '~g';
}

function spansDecades(rows: ChartRow[]): boolean {
  const v = rows.map((r) => r.y).filter((y) => y > 0);
  return v.length > 1 && Math.max(...v) / Math.min(...v) > 1e3;
}

export function plotOptions(spec: ChartSpec, opts: { compare?: ChartSpec; width?: number; document?: Document } = {}): Plot.PlotOptions {
  const rows = plottableRows(spec);
  const series = [...new Set([...rows, ...(opts.compare ? plottableRows(opts.compare) : [])].map((r) => r.series))];
  const bar = spec.mark === 'bar';
  const longest = Math.max(0, ...series.map((x) => x.length));
  const barRows = bar ? series.length * (spec.x.band ? new Set(rows.map((r) => r.x)).size : 1) : 0;
  return {
    width: opts.width ?? 640,
    height: bar ? Math.max(120, 34 + barRows * 26) : 300,
    marginLeft: bar ? Math.min(260, 16 + longest * 6.2) : 64,
    marginRight: bar && spec.x.band ? 90 : 20,
    marginBottom: 40,
    className: 'evidence-plot',
    x: bar
      ? { label: spec.y.label, type: spec.y.log ? 'log' : 'linear', grid: true, tickFormat: spec.y.log ? logTickFormat(rows) : undefined }
      : { label: spec.x.label, type: spec.x.log ? 'log' : spec.x.band ? 'point' : 'linear', grid: true },
    y: bar
      ? { label: null, domain: series }
      : { label: spec.y.label, type: spec.y.log ? 'log' : 'linear', grid: true, tickFormat: spec.y.log ? logTickFormat(rows) : undefined },
    ...(bar && spec.x.band ? { fy: { label: spec.x.label } } : {}),
    color: { domain: series, range: seriesColors(series) },
    marks: [
      ...(opts.compare ? marks(opts.compare, plottableRows(opts.compare), true) : []),
      ...marks(spec, rows, false),
      ...(spec.y.log ? [] : bar ? [Plot.ruleX([0], { strokeOpacity: 0.3 })] : [Plot.ruleY([0], { strokeOpacity: 0.3 })]),
    ],
    document: opts.document,
  };
}

/** Plot labels its inner groups with aria-label, which ARIA forbids on a <g> without a role; the chart as a
 * whole is one image (role="img" + its title), described by the caption and the data table. */
export function tidyAria(svg: Element, title: string): void {
  svg.querySelectorAll('[aria-label]').forEach((el) => el.removeAttribute('aria-label'));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
}
