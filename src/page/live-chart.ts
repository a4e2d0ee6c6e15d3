// The live chart of an evidence block (loaded on Run): the reader's run drawn over the stored reference
// (dashed, faint) with the same chart specs as the build-time SVG, plus a table of the run's numbers beside
// the reference's. Redrawn as partial measurements arrive in progress messages.
import * as Plot from '@observablehq/plot';
import { figuresFor } from '~/experiments/figures';
import { plotOptions, tidyAria } from '~/charts/plot';
import { legendItems, swatchSvg } from '~/charts/legend';
import { summarize, formatNumber, type ChartSpec } from '~/charts/spec';

// One lazily loaded chunk per stored reference: the run panel fetches only its own experiment's file.
const storedRuns = import.meta.glob<{ measurements: unknown; provenance: { params: Record<string, unknown> } }>(
  '../experiments/*/stored-run.json',
  { import: 'default' },
);

async function referenceOf(experiment: string) {
  const load = Object.entries(storedRuns).find(([path]) => path.split('/')[2]!.startsWith(`${experiment}-`))?.[1];
  return load ? load() : undefined;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** One chart as a <figure>: the plot, its legend, a summary for screen readers and the caption (ref: dashed, behind). */
export function draw(host: HTMLElement, spec: ChartSpec, ref?: ChartSpec) {
  const width = Math.max(280, Math.min(host.clientWidth || 640, 720));
  const chart = Plot.plot({ ...plotOptions(spec, { compare: ref, width }), legend: false } as Plot.PlotOptions);
  tidyAria(chart, ref ? `${spec.title} (your run, solid; stored reference, dashed)` : spec.title);
  const legend = el(
    'ul',
    { className: 'evidence-legend' },
    ...legendItems(spec, ref).map((i) => {
      const li = el('li');
      li.innerHTML = swatchSvg(i);
      li.append(i.label);
      li.dataset.seriesColor = i.color;
      return li;
    }),
  );
  const note = ref ? 'Your run (solid) over the stored run with the same settings (dashed). ' : '';
  // The caption is computed from this run's numbers, like the build-time one; the summary is for screen readers.
  return el(
    'figure',
    { className: 'evidence-figure' },
    chart,
    legend,
    el('p', { className: 'visually-hidden' }, summarize(spec)),
    el('figcaption', {}, `${note}${spec.caption ?? ''}`),
  );
}

/** "Your run beside the reference": one row per (series, x) of the chart. */
function compareTable(spec: ChartSpec, ref?: ChartSpec) {
  const refValue = new Map(ref?.rows.map((r) => [`${r.series}\u0000${r.x}`, r.y]));
  const head = el('tr', {}, ...['series', spec.x.label, 'your run', 'stored run'].map((c) => el('th', { scope: 'col' }, c)));
  const rows = spec.rows.map((r) => {
    const v = refValue.get(`${r.series}\u0000${r.x}`);
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, r.series),
      el('td', {}, String(r.x)),
      // A missing value with a meaning (a target not reached) says so, as in the build-time data table.
      el('td', {}, formatNumber(r.y, spec.missing?.text)),
      el('td', {}, v === undefined ? '—' : formatNumber(v, spec.missing?.text)),
    );
  });
  return el(
    'details',
    { className: 'evidence-compare' },
    el('summary', {}, `Your numbers beside the stored run: ${spec.title}`),
    el(
      'div',
      { className: 'evidence-scroll', tabIndex: 0 },
      el('table', {}, el('caption', {}, spec.title), el('thead', {}, head), el('tbody', {}, ...rows)),
    ),
  );
}

/** Whether two runs' parameters are the same (keys in any order; missing keys take no part). */
function sameSettings(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys({ ...a, ...b }).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

async function render(
  block: HTMLElement,
  experiment: string,
  measurements: unknown,
  params: Record<string, unknown>,
  withTables: boolean,
  hostSelector = '[data-live-chart]',
) {
  const host = block.querySelector<HTMLElement>(hostSelector)!;
  // The stored run is drawn under the reader's only when the settings are the same: otherwise it is another experiment.
  const stored = await referenceOf(experiment);
  const ref = stored && sameSettings(params, stored.provenance.params) ? stored : undefined;
  const specs = figuresFor(experiment, measurements, params);
  const refSpecs = ref ? figuresFor(experiment, ref.measurements, ref.provenance.params) : [];
  const nodes: Node[] = [];
  specs.forEach((spec, i) => {
    const refSpec = refSpecs.find((r) => r.title === spec.title) ?? refSpecs[i];
    nodes.push(draw(host, spec, refSpec));
    if (withTables) nodes.push(compareTable(spec, refSpec));
  });
  host.replaceChildren(...nodes);
}

// A live redraw costs main-thread time, and its painting raster-thread time, that the training workers need (on
// two cores they share them with the page): the next one waits at least a second and at least ten times as long as
// the last one took.
let nextDraw = 0;
async function throttled(redraw: () => void | Promise<void>) {
  const start = performance.now();
  if (start < nextDraw) return;
  nextDraw = Infinity; // one redraw at a time
  try {
    await redraw();
  } finally {
    const end = performance.now();
    nextDraw = end + Math.max(1000, 10 * (end - start));
  }
}

/** Redraws from partial measurements, throttled. */
export function showPartial(block: HTMLElement, experiment: string, data: unknown, params: Record<string, unknown>) {
  void throttled(() => render(block, experiment, data, params, false));
}

/** At most this many points of each series in the live curve (a long run's curve keeps its shape). */
const CURVE_POINTS = 200;

/** Redraws the live training curve (from progress messages), throttled, each series thinned to CURVE_POINTS. */
export function showCurve(block: HTMLElement, spec: ChartSpec) {
  if (spec.rows.length < 2) return;
  void throttled(() => {
    const host = block.querySelector<HTMLElement>('[data-live-chart]')!;
    host.replaceChildren(draw(host, { ...spec, rows: thinned(spec.rows) }));
  });
}

/** Every k-th row of each series (and its last), so that no series has more than CURVE_POINTS rows. */
export function thinned<R extends { series?: string }>(rows: readonly R[]): R[] {
  const bySeries = new Map<string, R[]>();
  for (const r of rows) {
    const key = r.series ?? '';
    const list = bySeries.get(key) ?? [];
    list.push(r);
    bySeries.set(key, list);
  }
  return [...bySeries.values()].flatMap((series) => {
    const k = Math.ceil(series.length / CURVE_POINTS);
    return k <= 1 ? series : series.filter((_, i) => i % k === 0 || i === series.length - 1);
  });
}

export function showResult(block: HTMLElement, experiment: string, measurements: unknown, params: Record<string, unknown>) {
  return render(block, experiment, measurements, params, true);
}

/** The charts of an edited snippet's result, when its measurements still have the experiment's shape. */
export async function showSnippetResult(snippet: HTMLElement, experiment: string, measurements: unknown, params: Record<string, unknown>) {
  try {
    await render(snippet, experiment, measurements, params, false, '[data-snippet-chart]');
  } catch {
    // Edited code may return anything: then the JSON output alone is shown.
    snippet.querySelector('[data-snippet-chart]')?.replaceChildren();
  }
}
