// Compares a fresh run with its stored reference, number by number, so a reference cannot silently
// drift from the code that is supposed to produce it.
import type { RunTolerance } from './types';

export interface Mismatch {
  path: string;
  stored: unknown;
  fresh: unknown;
  reason: string;
}

function ignored(path: string, ignore: readonly string[]): boolean {
  return ignore.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/**
 * Every difference between `stored` and `fresh` beyond the tolerance, with its path (e.g. "curves.post[3]").
 * Numbers match when |fresh − stored| ≤ atol + rtol·|stored|; null matches only null (JSON stores NaN as null).
 */
export function compareMeasurements(
  stored: unknown,
  fresh: unknown,
  tolerance: Pick<RunTolerance, 'rtol' | 'atol' | 'ignore'>,
  path = '',
): Mismatch[] {
  if (path && ignored(path, tolerance.ignore)) return [];
  const at = path || '(root)';
  if (typeof stored === 'number' && typeof fresh === 'number') {
    const limit = tolerance.atol + tolerance.rtol * Math.abs(stored);
    const diff = Math.abs(fresh - stored);
    if (Number.isNaN(diff) || diff > limit) {
      return [{ path: at, stored, fresh, reason: `differs by ${diff.toPrecision(3)} > ${limit.toPrecision(3)}` }];
    }
    return [];
  }
  if (Array.isArray(stored) && Array.isArray(fresh)) {
    if (stored.length !== fresh.length) {
      return [{ path: at, stored: stored.length, fresh: fresh.length, reason: 'arrays differ in length' }];
    }
    return stored.flatMap((s, i) => compareMeasurements(s, fresh[i], tolerance, `${path}[${i}]`));
  }
  if (stored && fresh && typeof stored === 'object' && typeof fresh === 'object' && !Array.isArray(stored) && !Array.isArray(fresh)) {
    const keys = new Set([...Object.keys(stored), ...Object.keys(fresh)]);
    return [...keys].flatMap((k) => {
      const sub = path ? `${path}.${k}` : k;
      const s = (stored as Record<string, unknown>)[k];
      const f = (fresh as Record<string, unknown>)[k];
      if (ignored(sub, tolerance.ignore)) return [];
      if (s === undefined || f === undefined) {
        return [{ path: sub, stored: s, fresh: f, reason: s === undefined ? 'missing in the stored run' : 'missing in the fresh run' }];
      }
      return compareMeasurements(s, f, tolerance, sub);
    });
  }
  if (stored === fresh) return [];
  return [{ path: at, stored, fresh, reason: 'values differ' }];
}
