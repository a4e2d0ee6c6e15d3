// Observable Plot options for a ChartSpec. Axes and text use currentColor so the figure follows the theme;
// series colours come from a palette that reads on light and dark backgrounds. `compare` draws a second
// data set (the stored reference) dashed and faint behind the first (the reader's run).
import * as Plot from '@observablehq/plot';
import { plottableRows, type ChartSpec, type ChartRow } from './spec';

/** Mid-tone colours with ≥ 3:1 contrast on both white and near-black backgrounds. */
export const PALETTE = ['#3b82f6', '#e8590c', '#2f9e44', '#c2255c', '#7048e8', '#0c8599', '#e67700', '#868e96'];

function marks(spec: ChartSpec, rows: ChartRow[], faint: boolean): Plot.Markish[] {
  const style = faint ? { strokeOpacity: 0.45, strokeDasharray: '4 3', fillOpacity: 0.45 } : {};
  const xy = { x: 'x', y: 'y', stroke: 'series', ...style };
  if (spec.mark === 'bar') {
    return [Plot.barY(rows, { x: 'series', y: 'y', fill: 'series', fx: spec.x.band ? 'x' : undefined, ...(faint ? { fillOpacity: 0.35 } : {}) })];
  }
  if (spec.mark === 'dot') return [Plot.dot(rows, { ...xy, r: faint ? 2 : 3 })];
  return [Plot.line(rows, { ...xy, z: 'series', strokeWidth: faint ? 1.5 : 2 }), Plot.dot(rows, { ...xy, r: faint ? 1.5 : 2.5, fill: 'series' })];
}

export function plotOptions(spec: ChartSpec, opts: { compare?: ChartSpec; width?: number; document?: Document } = {}): Plot.PlotOptions {
  const rows = plottableRows(spec);
  const series = [...new Set([...rows, ...(opts.compare ? plottableRows(opts.compare) : [])].map((r) => r.series))];
  const bar = spec.mark === 'bar';
  return {
    width: opts.width ?? 640,
    height: 300,
    marginLeft: 64,
    marginBottom: bar ? 56 : 40,
    className: 'evidence-plot',
    x: bar ? { label: null, tickRotate: -20 } : { label: spec.x.label, type: spec.x.log ? 'log' : spec.x.band ? 'point' : 'linear', grid: true },
    y: { label: spec.y.label, type: spec.y.log ? 'log' : 'linear', grid: true, tickFormat: spec.y.log ? '~e' : undefined },
    color: { domain: series, range: PALETTE },
    marks: [
      ...(opts.compare ? marks(opts.compare, plottableRows(opts.compare), true) : []),
      ...marks(spec, rows, false),
      ...(spec.y.log ? [] : [Plot.ruleY([0], { strokeOpacity: 0.3 })]),
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
