// Observable Plot options for a ChartSpec. Axes and text use currentColor so the figure follows the theme;
// series colours are the site-wide colours of their variants (colors.ts), and a series sharing its colour with
// another gets its own dash or fill. `compare` draws a second data set (the stored reference) dashed and faint
// behind the first (the reader's run). Below NARROW px the layout is for phones: fewer ticks, bar labels
// above their bars instead of in a wide left margin, so the text is drawn at its real size.
import * as Plot from '@observablehq/plot';
import { missingRows, plottableRows, type ChartSpec, type ChartRow } from './spec';
import { DASHES, FILLS, GREY, type SeriesStyle } from './colors';
import { chartStyles } from './legend';

/** Charts narrower than this get the phone layout. */
export const NARROW = 480;
/** Width of the build-time phone variant: at a 390 px viewport the evidence box is about 324 px wide. */
export const NARROW_WIDTH = 330;

type Styles = Map<string, SeriesStyle>;

function lineMarks(rows: ChartRow[], styles: Styles, faint: boolean, narrow: boolean): Plot.Markish[] {
  const perSeries = rows.length / Math.max(1, new Set(rows.map((r) => r.series)).size);
  // One line mark per dash: Plot's strokeDasharray is a constant, not a channel.
  const variation = (series: string) => styles.get(series)?.variation ?? 0;
  const variations = [...new Set(rows.map((r) => variation(r.series)))];
  return variations.flatMap((v) => {
    const own = rows.filter((r) => variation(r.series) === v);
    const dash = faint ? '4 3' : DASHES[v % DASHES.length];
    const style = faint ? { strokeOpacity: 0.45 } : {};
    const line = Plot.line(own, {
      x: 'x',
      y: 'y',
      stroke: 'series',
      z: 'series',
      strokeWidth: faint ? 1.5 : 2,
      strokeDasharray: dash,
      ...style,
    });
    // Dots mark the measured points on short curves; on long training curves (or a phone's narrow chart,
    // past a few points) they would only add clutter, and bytes.
    const dots = Plot.dot(own, { x: 'x', y: 'y', stroke: 'series', fill: 'series', r: faint ? 1.5 : 2.5, ...style });
    return perSeries <= (narrow ? 6 : 16) ? [line, dots] : [line];
  });
}

function barMarks(spec: ChartSpec, rows: ChartRow[], styles: Styles, faint: boolean, narrow: boolean): Plot.Markish[] {
  const fy = spec.x.band ? 'x' : undefined;
  // Narrow: each bar sits in the lower part of its row, its label above it.
  const inset = narrow ? { insetTop: 17, insetBottom: 3 } : {};
  const opacity = (r: ChartRow) => (faint ? 0.35 : FILLS[(styles.get(r.series)?.variation ?? 0) % FILLS.length]!);
  const marks: Plot.Markish[] = [
    Plot.barX(rows, { y: 'series', x: 'y', fill: 'series', fillOpacity: opacity, stroke: 'series', fy, ...inset }),
  ];
  if (faint) return marks;
  const missing = missingRows(spec);
  const words = spec.missing?.text ?? '';
  if (spec.missing && missing.length > 0) {
    const at = spec.missing.value;
    // Not reached: a hollow dashed bar up to the budget, with the words inside it (narrow: after the row's label).
    marks.push(Plot.barX(missing, { y: 'series', x1: 0, x2: at, stroke: 'series', fill: 'none', strokeDasharray: '4 3', fy, ...inset }));
    if (!narrow)
      marks.push(Plot.text(missing, { y: 'series', x: at, fy, text: () => words, textAnchor: 'end', dx: -6, fill: 'currentColor' }));
  }
  if (narrow)
    marks.push(
      Plot.text([...rows, ...missing], {
        y: 'series',
        x: 0,
        fy,
        text: (r: ChartRow) => (Number.isNaN(r.y) ? `${r.series}: ${words}` : r.series),
        textAnchor: 'start',
        dy: -7,
        fill: 'currentColor',
      }),
    );
  return marks;
}

function ruleMarks(spec: ChartSpec, bar: boolean): Plot.Markish[] {
  const rules = spec.rules ?? [];
  if (rules.length === 0) return [];
  const style = { stroke: GREY, strokeDasharray: '5 4', strokeWidth: 1.5 };
  return bar
    ? [
        Plot.ruleX(rules, { x: 'value', ...style }),
        Plot.text(rules, { x: 'value', text: 'label', frameAnchor: 'top', textAnchor: 'start', dx: 4, dy: -8, fill: 'currentColor' }),
      ]
    : [
        Plot.ruleY(rules, { y: 'value', ...style }),
        Plot.text(rules, { y: 'value', text: 'label', frameAnchor: 'right', textAnchor: 'end', dy: -7, fill: 'currentColor' }),
      ];
}

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
  const chart = chartStyles(spec, opts.compare);
  const series = chart.series;
  const styles: Styles = new Map(chart.styles.map((s, i) => [series[i]!, s]));
  const width = opts.width ?? 640;
  const narrow = width < NARROW;
  const bar = spec.mark === 'bar';
  const longest = Math.max(0, ...series.map((x) => x.length));
  const barRows = bar ? series.length * (spec.x.band ? new Set(rows.map((r) => r.x)).size : 1) : 0;
  const rowHeight = narrow ? 38 : 26;
  const logFormat = spec.y.log ? logTickFormat(rows) : undefined;
  // Narrow: about one tick per 80 px, so the labels never touch.
  const ticks = narrow ? Math.max(2, Math.floor(width / 80)) : undefined;
  const ruleRoom = bar && (spec.rules?.length ?? 0) > 0 ? 18 : 0;
  return {
    width,
    height: bar ? Math.max(120, 34 + ruleRoom + barRows * rowHeight) : narrow ? 240 : 300,
    // About 7 px a character at the charts' 12 px text.
    marginLeft: bar ? (narrow ? 8 : Math.min(280, 16 + longest * 7)) : narrow ? 52 : 64,
    marginRight: bar && spec.x.band ? (narrow ? 56 : 90) : narrow ? 12 : 20,
    marginTop: 20 + ruleRoom,
    marginBottom: 40,
    className: 'evidence-plot',
    x: bar
      ? { label: spec.y.label, type: spec.y.log ? 'log' : 'linear', grid: true, tickFormat: logFormat, ticks }
      : { label: spec.x.label, type: spec.x.log ? 'log' : spec.x.band ? 'point' : 'linear', grid: true, ticks },
    y: bar
      ? { label: null, domain: series, axis: narrow ? null : undefined }
      : { label: spec.y.label, type: spec.y.log ? 'log' : 'linear', grid: true, tickFormat: logFormat, ticks: narrow ? 5 : undefined },
    // Group labels on the right: on a phone the left axis is hidden and its margin too narrow to hold them.
    // Groups in the order of the data (Plot would sort them: 'cross' before 'self').
    ...(bar && spec.x.band
      ? { fy: { label: narrow ? null : spec.x.label, axis: 'right' as const, domain: [...new Set(rows.map((r) => r.x))] } }
      : {}),
    color: { domain: series, range: series.map((s) => styles.get(s)!.color) },
    // Fill opacities are given as they are (a bar's variation), not spread over a scale.
    opacity: { type: 'identity' },
    marks: [
      ...(opts.compare
        ? bar
          ? barMarks(opts.compare, plottableRows(opts.compare), styles, true, narrow)
          : lineMarks(plottableRows(opts.compare), styles, true, narrow)
        : []),
      ...(bar ? barMarks(spec, rows, styles, false, narrow) : lineMarks(rows, styles, false, narrow)),
      ...(spec.y.log ? [] : bar ? [Plot.ruleX([0], { strokeOpacity: 0.3 })] : [Plot.ruleY([0], { strokeOpacity: 0.3 })]),
      ...ruleMarks(spec, bar),
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
