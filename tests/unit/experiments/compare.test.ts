import { describe, expect, test } from 'vitest';
import { compareMeasurements } from '~/lab/experiment/compare';

const tol = { rtol: 1e-3, atol: 1e-6, ignore: ['timing'] };

describe('compareMeasurements', () => {
  test('equal structures within tolerance match', () => {
    const stored = { a: [1, 2.5, null], b: { c: 'x', d: true }, timing: { ms: 10 } };
    const fresh = { a: [1.0005, 2.5, null], b: { c: 'x', d: true }, timing: { ms: 99 } };
    expect(compareMeasurements(stored, fresh, tol)).toEqual([]);
  });

  test('names the path of a number beyond tolerance', () => {
    const m = compareMeasurements({ a: { b: [1, 2] } }, { a: { b: [1, 2.01] } }, tol);
    expect(m).toHaveLength(1);
    expect(m[0]!.path).toBe('a.b[1]');
  });

  test('absolute tolerance covers numbers near zero', () => {
    expect(compareMeasurements(0, 5e-7, tol)).toEqual([]);
    expect(compareMeasurements(0, 5e-6, tol)).toHaveLength(1);
  });

  test('reports missing keys, length changes, changed strings and NaN', () => {
    expect(compareMeasurements({ a: 1 }, { b: 1 }, tol).map((m) => m.reason)).toEqual([
      'missing in the fresh run',
      'missing in the stored run',
    ]);
    expect(compareMeasurements([1, 2], [1], tol)[0]!.reason).toBe('arrays differ in length');
    expect(compareMeasurements({ v: 'pre' }, { v: 'post' }, tol)[0]!.path).toBe('v');
    expect(compareMeasurements(1, Number.NaN, tol)).toHaveLength(1);
    expect(compareMeasurements(null, 0, tol)).toHaveLength(1);
  });

  test('ignores a path and everything under it, but not a sibling with a longer name', () => {
    expect(compareMeasurements({ timing: [1], timings: 1 }, { timing: [2], timings: 2 }, tol).map((m) => m.path)).toEqual(['timings']);
  });
});
