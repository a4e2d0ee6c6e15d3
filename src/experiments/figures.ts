// Which charts each experiment's measurements make: its folder's figures.ts (found by import.meta.glob, so a
// new experiment's folder is all it takes). An experiment without a figures.ts gets a generic one: every group of equal-length number lists becomes a line chart, every group of numbers a bar
// chart — so a new experiment always shows its data, and a dedicated figure can replace it later.
import type { ChartSpec, ChartRow } from '~/charts/spec';
import type { FigureMaker } from '~/charts/figure-helpers';

const figureModules = import.meta.glob<{ figures: FigureMaker }>('./*/figures.ts', { eager: true });
const dedicatedFigures: Record<string, FigureMaker> = Object.fromEntries(
  Object.entries(figureModules).map(([path, mod]) => [path.split('/')[1]!.split('-')[0]!, mod.figures]),
);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isNumList = (v: unknown): v is number[] => Array.isArray(v) && v.length > 1 && v.every((n) => typeof n === 'number' || n === null);

function humanize(path: string): string {
  return path
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .trim();
}

/** Groups found in a measurement: objects whose children are number lists (lines) or numbers (bars). */
export function genericFigures(measurements: unknown, path = '', out: ChartSpec[] = []): ChartSpec[] {
  if (isNumList(measurements)) {
    out.push({
      title: humanize(path) || 'measurement',
      x: { label: 'index' },
      y: { label: humanize(path) || 'value' },
      mark: 'line',
      rows: measurements.map((y, i) => ({ series: humanize(path) || 'value', x: i + 1, y: y ?? NaN })),
    });
    return out;
  }
  if (!isObj(measurements)) return out;
  const entries = Object.entries(measurements);
  const lists = entries.filter(([, v]) => isNumList(v)) as [string, number[]][];
  const numbers = entries.filter(([, v]) => typeof v === 'number') as [string, number][];
  if (lists.length > 0) {
    const rows: ChartRow[] = lists.flatMap(([k, v]) => v.map((y, i) => ({ series: humanize(k), x: i + 1, y: y ?? NaN })));
    const values = rows.map((r) => Math.abs(r.y)).filter((y) => Number.isFinite(y) && y > 0);
    const log = values.length > 0 && Math.max(...values) / Math.min(...values) > 1e3;
    out.push({
      title: humanize(path) || 'measurements',
      x: { label: 'index' },
      y: { label: humanize(path) || 'value', log },
      mark: 'line',
      rows,
    });
  }
  if (numbers.length > 1) {
    out.push({
      title: humanize(path) || 'measurements',
      x: { label: humanize(path) || 'quantity', band: true },
      y: { label: 'value' },
      mark: 'bar',
      rows: numbers.map(([k, y]) => ({ series: humanize(k), x: humanize(path) || 'value', y })),
    });
  }
  for (const [k, v] of entries)
    if (isObj(v) || (Array.isArray(v) && !isNumList(v) && false)) genericFigures(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** The charts for an experiment's measurements (at most `limit`, the most informative first). */
export function figuresFor(experiment: string, measurements: unknown, params?: Record<string, unknown>, limit = 3): ChartSpec[] {
  const dedicated = dedicatedFigures[experiment];
  const specs = dedicated ? dedicated(measurements as never, params ?? {}) : genericFigures(measurements);
  return specs.filter((s) => s.rows.length > 0).slice(0, limit);
}
