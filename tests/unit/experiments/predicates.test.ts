// Every claim's predicate on synthetic measurements: it holds where the effect is there and fails where it
// is not, so no claim test can pass whatever the experiment returns.
import { describe, expect, test } from 'vitest';
import { getClaim, type Claim } from '~/experiments';
import type { E5Measurements } from '~/experiments/e5-lesion/experiment';
import type { E6Measurements } from '~/experiments/e6-teacher-forcing/experiment';
import type { E7Measurements } from '~/experiments/e7-label-leakage/experiment';
import type { E9Measurements } from '~/experiments/e9-attention-learns/experiment';

/** Runs a claim's predicate on one measurement (each-seed) or on a list of runs (mean-over-seeds). */
function verdict<M>(id: string, m: M | M[]) {
  const claim = getClaim(id) as Claim<M>;
  const v = claim.mode === 'each-seed' ? claim.predicate(m as M) : claim.predicate(Array.isArray(m) ? m : [m]);
  expect(v.detail.length).toBeGreaterThan(10);
  return v.holds;
}
const clone = <T>(x: T): T => structuredClone(x);
const geometric = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from * (to / from) ** (i / (n - 1)));

  });
});

describe('E3–E10 predicates', () => {
  test('E5: a residual block is deletable, a plain one is not', () => {
    const good: E5Measurements = {
      layers: 3, steps: 200, lr: 0.003, chance: 0.125,
      accuracy: { 'residual (Pre-LN)': { intact: 1, lesioned: [0.35, 0.55, 0.98], trainLoss: 0 }, 'no residual (LN only)': { intact: 0.65, lesioned: [0.1, 0.15, 0.05], trainLoss: 1 } },
    };
    expect(verdict('e5-residual-blocks-deletable', good)).toBe(true);
    const bad = clone(good);
    bad.accuracy['residual (Pre-LN)']!.lesioned = [0.2, 0.3, 0.45];
    expect(verdict('e5-residual-blocks-deletable', bad)).toBe(false);
    const plainSurvives = clone(good);
    plainSurvives.accuracy['no residual (LN only)']!.lesioned = [0.1, 0.4, 0.05];
    expect(verdict('e5-residual-blocks-deletable', plainSurvives)).toBe(false);
  });

  test('E6: teacher forcing trains faster; exposure bias at later positions', () => {
    const ck = (step: number, tf: number[], fr: number[]) => ({ step, teacherForced: tf, freeRunning: fr });
    const good: E6Measurements = {
      layers: 2, steps: 200, every: 50, lr: 0.003,
      results: {
        'teacher forcing': { loss: [1], msPerStep: 1, checkpoints: [ck(200, [1, 0.7, 0.6, 0.5, 0.5, 0.4], [1, 0.7, 0.5, 0.3, 0.3, 0.3])] },
        'free running': { loss: [1], msPerStep: 1, checkpoints: [ck(200, [1, 0.5, 0.3, 0.2, 0.2, 0.2], [1, 0.5, 0.3, 0.2, 0.2, 0.2])] },
      },
    };
    expect(verdict('e6-teacher-forcing-trains-faster', good)).toBe(true);
    expect(verdict('e6-exposure-bias', [good, good, good])).toBe(true);
    const same = clone(good);
    same.results['free running'] = clone(good.results['teacher forcing']!);
    expect(verdict('e6-teacher-forcing-trains-faster', same)).toBe(false);
    const noGap = clone(good);
    noGap.results['teacher forcing']!.checkpoints[0]!.freeRunning = [1, 0.7, 0.6, 0.5, 0.5, 0.4];
    expect(verdict('e6-exposure-bias', [noGap, noGap, noGap])).toBe(false);
  });

  test('E7: leakage without the mask; chance without the shift', () => {
    const r = (questionLoss: number, teacherForced: number, generated: number) => ({ trainLoss: [0], questionLoss, lossByPosition: [0], teacherForced, generated });
    const good: E7Measurements = {
      layers: 2, steps: 150, lr: 0.003, entropyFloor: Math.log(8), chance: 0.125,
      results: { correct: r(2.1, 0.99, 0.98), 'no causal mask': r(0.003, 1, 0.2), 'no right shift': r(0.001, 1, 0.02) },
    };
    expect(verdict('e7-no-mask-leaks', good)).toBe(true);
    expect(verdict('e7-no-shift-generates-at-chance', good)).toBe(true);
    const honest = clone(good);
    honest.results['no causal mask']!.questionLoss = 2.05;
    expect(verdict('e7-no-mask-leaks', honest)).toBe(false);
    const generates = clone(good);
    generates.results['no right shift']!.generated = 0.6;
    expect(verdict('e7-no-shift-generates-at-chance', generates)).toBe(false);
  });

  test('E9: attention weights get gradients, move, and matter', () => {
    const four = (x: number) => ({ WQ: x, WK: x, WV: x, WO: x });
    const good: E9Measurements = { layers: 2, steps: 150, lr: 0.003, gradientsAtInit: { 'dec.0': four(0.2), 'dec.1': four(0.2) }, relativeChange: { 'dec.0': four(0.3), 'dec.1': four(0.3) }, accuracy: { trained: 1, frozen: 0.8 } };
    expect(verdict('e9-attention-weights-learn', good)).toBe(true);
    const frozenIsFine = clone(good);
    frozenIsFine.accuracy['frozen'] = 0.99;
    expect(verdict('e9-attention-weights-learn', frozenIsFine)).toBe(false);
    const noGradient = clone(good);
    noGradient.gradientsAtInit['dec.1']!['WK'] = 0;
    expect(verdict('e9-attention-weights-learn', noGradient)).toBe(false);
  });
});
