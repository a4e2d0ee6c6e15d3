// E14's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { holds, outcomeOf } from '../predicate-testing';
import type { E14Measurements } from './experiment';

const of = (ln: number | null, other: number | null, variant = 'RMSNorm'): E14Measurements => {
  const run = (s: number | null) => ({
    loss: [3, 1, 0.4],
    stepsToTarget: s,
    outcome: s === null ? 'not reached' : 'reached',
    meanShareAtInit: {},
    meanShareAtEnd: {},
  });
  return {
    layers: 2,
    width: 32,
    steps: 400,
    targetLoss: 0.5,
    runs: { LayerNorm: run(ln), [variant]: run(other) },
    timing: { msPerStep: {}, norms: null },
  };
};

describe('e14-rms-steps-like-ln', () => {
  test('holds when every seed reaches the target and the mean steps are within 25%; its figure is the ratio of means', () => {
    const runs = [of(90, 95), of(88, 100), of(92, 85), of(80, 80), of(90, 105)];
    expect(holds('e14-rms-steps-like-ln', runs)).toBe(true);
    expect(outcomeOf('e14-rms-steps-like-ln', runs).value).toBeCloseTo(465 / 440);
  });
  test('fails when the compared norm needs more than 1.25 times the steps on average, or fewer than 0.8 times', () => {
    expect(holds('e14-rms-steps-like-ln', [of(90, 180, 'no norm'), of(88, 170, 'no norm'), of(92, 100, 'no norm')])).toBe(false);
    expect(holds('e14-rms-steps-like-ln', [of(100, 70), of(100, 75)])).toBe(false);
  });
  test('fails when one seed does not reach the target', () => {
    expect(holds('e14-rms-steps-like-ln', [of(90, 95), of(88, null), of(92, 85)])).toBe(false);
    expect(holds('e14-rms-steps-like-ln', [of(null, 95), of(88, 90)])).toBe(false);
  });
});

describe('e14-rms-each-seed', () => {
  test('holds when the ratio is within [2/3, 1.5]; its figure is the ratio', () => {
    expect(holds('e14-rms-each-seed', of(80, 100))).toBe(true);
    expect(outcomeOf('e14-rms-each-seed', of(80, 100)).value).toBeCloseTo(1.25);
  });
  test('fails outside [2/3, 1.5] and when either does not reach the target', () => {
    expect(holds('e14-rms-each-seed', of(85, 178, 'no norm'))).toBe(false);
    expect(holds('e14-rms-each-seed', of(90, 55))).toBe(false);
    expect(holds('e14-rms-each-seed', of(90, null))).toBe(false);
  });
});
