// The colour key of a chart, built from the same colours as the marks (kept out of Plot's own legend, whose
// inline <style> and styles do not validate as HTML).
import { seriesColors } from './colors';
import { plottableRows, type ChartSpec } from './spec';

export function legendItems(spec: ChartSpec, compare?: ChartSpec): { label: string; color: string }[] {
  const series = [...new Set([...plottableRows(spec), ...(compare ? plottableRows(compare) : [])].map((r) => r.series))];
  const colors = seriesColors(series);
  return series.map((label, i) => ({ label, color: colors[i]! }));
}
