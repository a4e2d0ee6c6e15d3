import { describe, expect, test } from 'vitest';
import { getClaim } from '../../../src/lab/claims';
import { verdictOnReference } from '../../../src/lab/claims/on-reference';
import { references } from '../../../src/data/references/index';
import { assertStoredReference } from '../../../src/lab/experiments/reference';
import { defaultsOf, experiments, resolveParams } from '../../../src/lab/experiments/index';

describe('stored reference runs', () => {
  test.each(experiments.map((e) => [e.id, e] as const))('%s has a reference of its default run on WASM with full provenance', (id, e) => {
    const ref = references.get(id);
    expect(ref, `run npm run references -- ${id}`).toBeDefined();
    expect(ref!.provenance).toMatchObject({ experiment: id, seed: e.defaultSeed, backend: 'wasm', params: defaultsOf(id) });
    expect(ref!.provenance.tfjsVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number.isNaN(Date.parse(ref!.provenance.date))).toBe(false);
  });

  test('a malformed reference is rejected with the file and the field', () => {
    expect(() => assertStoredReference('e1', { provenance: { experiment: 'e2' }, measurements: {} })).toThrow(
      /src\/data\/references\/e1\.json is malformed: provenance\.experiment is "e2", expected "e1"; provenance\.seed missing/,
    );
    expect(() => assertStoredReference('e1', null)).toThrow(/not an object/);
  });

  test('the verdict on a reference is given only when the claim covers that run', () => {
    const claim = getClaim('e3-attention-only-collapses');
    const ref = references.get('e3')!;
    expect(verdictOnReference(claim, resolveParams('e3', claim.params), ref)?.detail).toMatch(/relative residual/);
    expect(verdictOnReference(claim, resolveParams('e3', { layers: 6 }), ref)).toBeUndefined();
    expect(verdictOnReference(claim, resolveParams('e3', claim.params), { ...ref, provenance: { ...ref.provenance, seed: 99 } })).toBeUndefined();
  });
});
