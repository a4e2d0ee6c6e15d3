// Running an experiment through the registry: parameters are validated first, progress is reported in
// order, and an aborted run stops with the abort reason (E3 and E8 are forward-only, so this stays fast).
import { describe, expect, test } from 'vitest';
import { runExperiment } from '~/experiments';
import type { Progress } from '~/lab/experiment/types';

describe('runExperiment', () => {
  test('rejects bad parameters before running, naming them', async () => {
    await expect(runExperiment('e3', { layers: 0 }, { seed: 1 })).rejects.toThrow(
      /experiment e3: parameter "layers" \(Layers\) got 0; allowed: an integer from 1 to 24/,
    );
    await expect(runExperiment('e42', {}, { seed: 1 })).rejects.toThrow(/unknown experiment "e42"; known experiments: e1, e2/);
  });

  test('reports progress from 0 to 1 in order and returns plain JSON', async () => {
    const seen: Progress[] = [];
    const m = await runExperiment('e8', { layers: 3, batchSize: 4 }, { seed: 1, backend: 'wasm', onProgress: (p) => seen.push(p) });
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    expect(seen.length).toBeGreaterThan(0);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  test('the same seed gives the same numbers', async () => {
    const a = await runExperiment('e3', { layers: 3, batchSize: 4 }, { seed: 5, backend: 'wasm' });
    const b = await runExperiment('e3', { layers: 3, batchSize: 4 }, { seed: 5, backend: 'wasm' });
    expect(a).toEqual(b);
  });

  test('an aborted run rejects with the abort reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the reader'));
    await expect(runExperiment('e3', {}, { seed: 1, backend: 'wasm', signal: controller.signal })).rejects.toThrow('stopped by the reader');
  });
});
