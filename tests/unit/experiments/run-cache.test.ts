import { describe, expect, test } from 'vitest';
import { canonicalJson, createRunCache, runKey } from '~/lab/experiment/run-cache';

describe('run cache', () => {
  test('canonical JSON ignores key order, also in nested objects', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
    expect(runKey('e1', { b: 1, a: 2 }, 3)).toBe(runKey('e1', { a: 2, b: 1 }, 3));
  });

  test('runs once per (experiment, params, seed) and shares the result', async () => {
    const calls: string[] = [];
    const cache = createRunCache(async (id, params, seed) => {
      calls.push(runKey(id, params, seed));
      return { id, seed, layers: params.layers };
    });
    const [a, b] = await Promise.all([cache.get('e1', { layers: 2 }, 1), cache.get('e1', { layers: 2 }, 1)]);
    expect(a).toBe(b);
    await cache.get('e1', { layers: 2 }, 2);
    await cache.get('e1', { layers: 3 }, 1);
    await cache.get('e2', { layers: 2 }, 1);
    expect(calls).toHaveLength(4);
    expect(cache.stats()).toEqual({ runs: 4, hits: 1 });
  });

  test('forgets a failed run so that a retry runs again', async () => {
    let n = 0;
    const cache = createRunCache(async () => {
      n += 1;
      if (n === 1) throw new Error('boom');
      return n;
    });
    await expect(cache.get('e1', {}, 1)).rejects.toThrow('boom');
    await expect(cache.get('e1', {}, 1)).resolves.toBe(2);
  });
});
