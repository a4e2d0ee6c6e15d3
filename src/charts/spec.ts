// A chart as plain data, shared by the build-time SVG (Observable Plot + linkedom) and the live chart in
// the page (the same Plot options in the browser), so the figure a reader re-runs is the one they read.

export interface ChartRow {
  series: string;
  x: number | string;
  y: number;
}

export interface ChartSpec {
  /** Short title, also the data table's caption. */
  title: string;
  x: { label: string; log?: boolean; /** Categories instead of numbers (e.g. variant names). */ band?: boolean };
  y: { label: string; log?: boolean };
  rows: ChartRow[];
  /** 'line' joins the points of each series; 'dot' for scattered points; 'bar' for one value per category. */
  mark: 'line' | 'dot' | 'bar';
  /** One human sentence: what to notice in this chart (shown under it; the numbers go in its data table). */
  caption?: string;
  /** Bars whose value is missing (NaN) are drawn hollow up to `value` and say `text` (a target not reached
   * within the step budget), in the chart and in its data table, instead of vanishing. */
  missing?: { value: number; text: string };
  /** Reference levels drawn as labelled rules: horizontal on line charts, vertical on bar charts. */
  rules?: { value: number; label: string }[];
}

/** Rows with no value that a bar chart shows as "missing" rows. */
export function missingRows(spec: ChartSpec): ChartRow[] {
  return spec.missing && spec.mark === 'bar' ? spec.rows.filter((r) => Number.isNaN(r.y)) : [];
}

/** Positive finite rows only on log axes (a log scale cannot place 0 or NaN); everything finite otherwise. */
export function plottableRows(spec: ChartSpec): ChartRow[] {
  return spec.rows.filter(
    (r) =>
      Number.isFinite(r.y) && (!spec.y.log || r.y > 0) && (typeof r.x !== 'number' || (Number.isFinite(r.x) && (!spec.x.log || r.x > 0))),
  );
}

function fmt(n: number, missing = '—'): string {
  if (Number.isNaN(n)) return missing;
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? n.toExponential(2) : Number(n.toPrecision(3)).toString();
}

export { fmt as formatNumber };

/** A text summary for screen readers: per series, where it starts and where it ends (or its range). */
export function summarize(spec: ChartSpec): string {
  const bySeries = new Map<string, ChartRow[]>();
  for (const r of spec.rows) bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), r]);
  const parts = [...bySeries].map(([name, rows]) => {
    if (rows.length === 1) return `${name}: ${fmt(rows[0].y, spec.missing?.text)}`;
    const first = rows[0];
    const last = rows[rows.length - 1];
    return `${name}: ${fmt(first.y)} at ${spec.x.label} ${first.x}, ${fmt(last.y)} at ${last.x}`;
  });
  return `${spec.title} — ${spec.y.label} by ${spec.x.label}${spec.y.log ? ' (log scale)' : ''}. ${parts.join('; ')}.`;
}

export interface Table {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/** The chart's data as a table: one row per x, one column per series. */
export function tableOf(spec: ChartSpec): Table {
  const series = [...new Set(spec.rows.map((r) => r.series))];
  const xs = [...new Set(spec.rows.map((r) => r.x))];
  const cell = new Map(spec.rows.map((r) => [`${r.series}\u0000${r.x}`, r.y]));
  return {
    caption: spec.title,
    columns: [spec.x.label, ...series],
    rows: xs.map((x) => [
      x,
      ...series.map((s) => {
        const v = cell.get(`${s}\u0000${x}`);
        return v === undefined ? '' : fmt(v, spec.missing?.text);
      }),
    ]),
  };
}

/** Line series that lie exactly on an earlier one (every point within 0.5 %): drawn dashed so the one
 * under them shows through (E8's Post-LN and LayerNorm without residual are both √d after block 1). */
export function coincidentSeries(rows: ChartRow[]): Set<string> {
  const bySeries = new Map<string, Map<number | string, number>>();
  for (const r of rows) (bySeries.get(r.series) ?? bySeries.set(r.series, new Map()).get(r.series)!).set(r.x, r.y);
  const seen: Map<number | string, number>[] = [];
  const out = new Set<string>();
  for (const [series, points] of bySeries) {
    const same = (other: Map<number | string, number>) =>
      other.size === points.size &&
      [...points].every(([x, y]) => other.has(x) && Math.abs(other.get(x)! - y) <= 0.005 * Math.max(Math.abs(y), 1e-12));
    if (seen.some(same)) out.add(series);
    seen.push(points);
  }
  return out;
}
