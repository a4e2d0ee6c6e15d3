// The colour key of a chart, built from the same styles as the marks (kept out of Plot's own legend, whose
// inline <style> and styles do not validate as HTML). A line series shows its dash, a bar series its fill.
import { DASHES, FILLS, seriesStyles, type SeriesStyle } from './colors';
import { coincidentSeries, missingRows, plottableRows, type ChartSpec } from './spec';

export interface LegendItem {
  label: string;
  color: string;
  /** SVG stroke-dasharray of a line series ('' for solid); undefined for bars. */
  dash?: string;
  /** Fill opacity of a bar series; undefined for lines. */
  fill?: number;
}

/** A chart's series in order and their styles; on a line chart, a series lying exactly on an earlier one
 * gets a further variation (a dash), so the line under it shows through. Shared by the marks and the key. */
export function chartStyles(spec: ChartSpec, compare?: ChartSpec): { series: string[]; styles: SeriesStyle[] } {
  const rows = [...plottableRows(spec), ...missingRows(spec), ...(compare ? plottableRows(compare) : [])];
  const series = [...new Set(rows.map((r) => r.series))];
  const styles = seriesStyles(series);
  if (spec.mark === 'line') {
    const hidden = coincidentSeries(plottableRows(spec));
    series.forEach((name, i) => {
      if (!hidden.has(name) || styles[i]!.variation > 0) return;
      const used = styles.filter((s) => s.color === styles[i]!.color).map((s) => s.variation);
      styles[i] = { ...styles[i]!, variation: Math.max(...used) + 1 };
    });
  }
  return { series, styles };
}

export function legendItems(spec: ChartSpec, compare?: ChartSpec): LegendItem[] {
  const { series, styles } = chartStyles(spec, compare);
  const bar = spec.mark === 'bar';
  return series.map((label, i) => {
    const { color, variation } = styles[i]!;
    return bar ? { label, color, fill: FILLS[variation % FILLS.length] } : { label, color, dash: DASHES[variation % DASHES.length] };
  });
}

/** The swatch of a legend item as SVG markup (the build-time figure and the live chart draw the same). */
export function swatchSvg(item: LegendItem): string {
  const body =
    item.fill !== undefined
      ? `<rect x="1" y="1" width="12" height="12" rx="2" fill="${item.color}" fill-opacity="${item.fill}" stroke="${item.color}"/>`
      : `<line x1="1" y1="7" x2="23" y2="7" stroke="${item.color}" stroke-width="2.5"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`;
  const width = item.fill !== undefined ? 14 : 24;
  return `<svg width="${width}" height="14" viewBox="0 0 ${width} 14" aria-hidden="true">${body}</svg>`;
}
