// Turns a measurement object into rows of (path, value) for a compact table on the claims page: numbers
// to 3 significant digits, short lists in full, long lists (curves) summarized by length, first and last.
import { fmt } from './format';

export interface MeasurementRow {
  /** e.g. "perLayer › post-ln" */
  path: string;
  value: string;
}

function show(value: unknown, maxList: number): string {
  if (typeof value === 'number') return fmt(value);
  if (value === null) return '—';
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' || v === null)) {
    const xs = value.map((v) => show(v, maxList));
    return xs.length <= maxList ? xs.join(', ') : `${xs.length} values: ${xs[0]} … ${xs.at(-1)}`;
  }
  return typeof value === 'string' ? value : String(value);
}

export function flattenMeasurements(value: unknown, maxList = 16, path: string[] = [], out: MeasurementRow[] = []): MeasurementRow[] {
  const isLeafList = Array.isArray(value) && value.every((v) => typeof v === 'number' || v === null);
  if (value && typeof value === 'object' && !isLeafList) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v] as const) : Object.entries(value);
    for (const [k, v] of entries) flattenMeasurements(v, maxList, [...path, k], out);
    return out;
  }
  out.push({ path: path.join(' › '), value: show(value, maxList) });
  return out;
}
