import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { claims, experiments, getClaim, listClaims, listExperiments, resolveParams, testFileFor } from '~/experiments';
import { getClaimRecord } from '~/experiments/verifications';
import { configurationParams, counterConfiguration } from '~/experiments/verify';

const proposed = [
  'e1-no-residual-vanishes',
  'e1-residual-without-norm-explodes',
  'e1-preln-last-layer-falls-with-depth',
  'e2-add-and-norm-trains',
  'e2-residual-indispensable',
  'e2-postln-needs-warmup',
  'e3-attention-only-collapses',
  'e4-addition-trains-no-slower',
  'e4-identity-concat-matches-addition',
  'e5-residual-blocks-deletable',
  'e6-teacher-forcing-trains-faster',
  'e6-exposure-bias',
  'e7-no-mask-leaks',
  'e7-no-mask-still-generates',
  'e7-no-shift-copies-input',
  'e8-stream-grows-with-depth',
  'e9-attention-weights-learn',
  'e10-update-is-a-fraction',
  'e11-preln-gradient-grows-toward-input',
  'e11-postln-ratio-spreads-not-shrinks',
  'e12-clipping-leaves-gradient-exploded',
  'e12-normalization-keeps-loss-down',
];

describe('claim registry', () => {
  test('ids are unique and follow <experiment>-<words>', () => {
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of claims) expect(c.id.startsWith(`${c.experiment}-`), c.id).toBe(true);
  });

  test('every claim of the proposed registry that the articles cite exists', () => {
    const missing = proposed.filter((id) => !claims.some((c) => c.id === id));
    expect(missing).toEqual([]);
  });

  test.each(claims.map((c) => [c.id, c] as const))(
    '%s: known experiment, valid parameters, ≥ 5 distinct seeds, a key figure, a counter-run, a test file',
    (_id, c) => {
      expect(experiments.map((e) => e.id)).toContain(c.experiment);
      expect(() => resolveParams(c.experiment, c.params)).not.toThrow();
      expect(new Set(c.seeds).size).toBe(c.seeds.length);
      expect(c.seeds.length).toBeGreaterThanOrEqual(5);
      expect(c.figure.length).toBeGreaterThan(3);
      expect(c.counterRuns.length, 'a claim must meet a real configuration where it fails').toBeGreaterThanOrEqual(1);
      for (const r of [...c.counterRuns, ...c.scales]) expect(() => configurationParams(c, r)).not.toThrow();
      expect(c.statement.length).toBeGreaterThan(20);
      expect(existsSync(new URL(`../../../${testFileFor(c)}`, import.meta.url))).toBe(true);
    },
  );

  test('every claims-<name>.test.ts is the testFile of a claim of its folder (none checks a claim twice or none)', () => {
    const root = new URL('../../../', import.meta.url);
    const own = readdirSync(new URL('src/experiments/', root), { recursive: true, encoding: 'utf8' })
      .filter((f) => /(^|\/)claims-.+\.test\.ts$/.test(f))
      .map((f) => `src/experiments/${f}`)
      .sort();
    expect(own).toEqual(
      claims
        .filter((c) => c.testFile)
        .map(testFileFor)
        .filter((f, i, all) => all.indexOf(f) === i)
        .sort(),
    );
  });

  // The page's statistics come from verification.json: it must describe the claims as they are now.
  test.each(claims.map((c) => [c.id, c] as const))('%s: its stored verification is of this claim as defined now', (_id, c) => {
    const stored = getClaimRecord(c.experiment, c.id)?.record;
    expect(stored, `run npm run verify-claims -- ${c.experiment}`).toBeDefined();
    const rerun = `the claim changed since its verification: run npm run verify-claims -- ${c.experiment}`;
    expect({ statement: stored!.statement, mode: stored!.mode, figure: stored!.figure }, rerun).toEqual({
      statement: c.statement,
      mode: c.mode,
      figure: c.figure,
    });
    expect({ params: stored!.default.params, seeds: stored!.default.seeds }, rerun).toEqual({
      params: configurationParams(c),
      seeds: c.seeds,
    });
    expect(
      stored!.scales.map((s) => ({ label: s.label, params: s.params, seeds: s.seeds })),
      rerun,
    ).toEqual(c.scales.map((s) => ({ label: s.label, params: configurationParams(c, s), seeds: s.seeds ?? c.seeds })));
    expect(
      stored!.counterRuns.map((r) => ({ why: r.why, params: r.params, seeds: r.seeds })),
      rerun,
    ).toEqual(c.counterRuns.map((r) => ({ why: r.why, params: configurationParams(c, r), seeds: counterConfiguration(c, r).seeds })));
  });

  test('getClaim names the known ids for an unknown one', () => {
    expect(() => getClaim('e99-nothing')).toThrow(/unknown claim "e99-nothing"; known claims: e1-/);
  });

  test('listings are plain data', () => {
    expect(JSON.parse(JSON.stringify(listClaims()))).toEqual(listClaims());
    expect(JSON.parse(JSON.stringify(listExperiments()))).toEqual(listExperiments());
    // in numeric order (e2 before e10), one per folder
    const ids = listExperiments().map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    expect(ids.slice(0, 12)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11', 'e12']);
  });

  test('every experiment has a reference seed that its claims also run, so the suite reuses that run', () => {
    for (const e of experiments) {
      const seeds = claims.filter((c) => c.experiment === e.id).flatMap((c) => c.seeds);
      expect(seeds, e.id).toContain(e.defaultSeed);
    }
  });
});
