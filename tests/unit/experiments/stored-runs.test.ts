import { describe, expect, test } from 'vitest';
import { getClaim } from '~/experiments';
import { outcomeOnStoredRun } from '~/lab/experiment/on-stored-run';
import { storedRuns } from '~/experiments/stored-runs';
import { assertStoredRun } from '~/lab/experiment/stored-run';
import { defaultsOf, experiments, resolveParams } from '~/experiments';

describe('stored runs', () => {
  test.each(experiments.map((e) => [e.id, e] as const))('%s has a stored run of its default run on WASM with full provenance', (id, e) => {
    const ref = storedRuns.get(id);
    expect(ref, `run npm run stored-runs -- ${id}`).toBeDefined();
    expect(ref!.provenance).toMatchObject({ experiment: id, seed: e.defaultSeed, backend: 'wasm', params: defaultsOf(id) });
    expect(ref!.provenance.tfjsVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number.isNaN(Date.parse(ref!.provenance.date))).toBe(false);
  });

  test('a malformed stored run is rejected naming the experiment and the field', () => {
    expect(() => assertStoredRun('e1', { provenance: { experiment: 'e2' }, measurements: {} })).toThrow(
      /stored run of e1 is malformed: provenance\.experiment is "e2", expected "e1"; provenance\.seed missing/,
    );
    expect(() => assertStoredRun('e1', null)).toThrow(/not an object/);
  });

  test('the outcome on a stored run is given only when the claim covers that run', () => {
    const claim = getClaim('e3-attention-only-collapses');
    const ref = storedRuns.get('e3')!;
    expect(outcomeOnStoredRun(claim, resolveParams('e3', claim.params), ref)?.detail).toMatch(/relative residual/);
    expect(outcomeOnStoredRun(claim, resolveParams('e3', { layers: 6 }), ref)).toBeUndefined();
    expect(
      outcomeOnStoredRun(claim, resolveParams('e3', claim.params), { ...ref, provenance: { ...ref.provenance, seed: 99 } }),
    ).toBeUndefined();
  });
});
