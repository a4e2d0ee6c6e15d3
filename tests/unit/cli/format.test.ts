// The CLI's text output: the listing shows every parameter's type, default and range; a run shows its
// provenance and every measurement.
import { expect, test } from 'vitest';
import { formatList, formatProgress, formatRun } from '~/lab/cli/format';
import { listExperiments } from '~/experiments';
import { listClaims } from '~/experiments';

test('the listing names every experiment, parameter (type, default, allowed) and claim', () => {
  const experiments = listExperiments();
  const claims = listClaims();
  const text = formatList({ experiments, claims });
  for (const e of experiments) {
    expect(text).toContain(`${e.id}  ${e.title}`);
    for (const p of e.params)
      expect(text).toMatch(
        new RegExp(`--set ${p.name} +${p.type.replace('[]', '\\[\\]')} +default .*${p.allowed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
  }
  for (const c of claims) expect(text).toContain(c.id);
});

test('a run shows seed, backend, TF.js version, configuration, date and the measurements', () => {
  const text = formatRun({
    provenance: {
      experiment: 'e9',
      seed: 3,
      backend: 'cpu',
      fallbackReason: 'no wasm',
      tfjsVersion: '4.22.0',
      date: '2026-11-26T12:00:00.000Z',
      params: { layers: 2, depths: [2, 4] },
      commit: 'abc1234',
      dirty: true,
      durationMs: 1500,
      runtime: 'node v24.21.0',
    },
    measurements: { loss: { post: 0.123456, pre: [1, 2, 3] } },
  });
  expect(text).toContain('e9  seed 3  backend cpu (fallback: no wasm)  TF.js 4.22.0');
  expect(text).toContain('config  layers=2 depths=2,4');
  expect(text).toContain('2026-11-26T12:00:00.000Z');
  expect(text).toContain('commit abc1234 (dirty)');
  expect(text).toMatch(/loss › post +0\.123/);
  expect(text).toMatch(/loss › pre +1, 2, 3/);
});

test('progress lines show a clamped percentage', () => {
  expect(formatProgress('e2', 0.4, 'step 40/100')).toBe('e2  40% step 40/100');
  expect(formatProgress('e2', 1.2, 'done')).toBe('e2 100% done');
});
