// E16's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E16Measurements, E16Stack } from './experiment';

const stack = (label: string, streamNorm: number[], stepsToTarget: number | null): E16Stack => ({
  label,
  streamNorm,
  branchRatio: { 'dec.0.self': 0.2, 'dec.0.ffn': 0.3 },
  training: { loss: [3, 1, 0.5], stepsToTarget, outcome: stepsToTarget === null ? 'not reached' : 'reached', branchRatioAtEnd: {} },
});

const good: E16Measurements = {
  layers: 2,
  width: 32,
  steps: 200,
  targetLoss: 1,
  branchScale: 0.5,
  stacks: {
    preLn: stack('Pre-LN', [5, 7, 9], 100),
    rezero: stack('ReZero, no norm', [5, 5, 5], 120),
    scaled: stack('1/√(2N), no norm', [5, 6, 6.5], 90),
    plain: { ...stack('residual, no norm', [5, 20, 80], null), training: null },
  },
};

describe('e16-rezero-steps-like-pre-ln', () => {
  const withSteps = (pre: number | null, rezero: number | null) => {
    const m = clone(good);
    m.stacks.preLn.training!.stepsToTarget = pre;
    m.stacks.rezero.training!.stepsToTarget = rezero;
    return m;
  };
  test('holds when every seed reaches the target and ReZero’s mean steps are at most 1.5 times Pre-LN’s; its figure is the ratio of the means', () => {
    const runs = [withSteps(100, 120), withSteps(90, 140), withSteps(100, 100)];
    expect(holds('e16-rezero-steps-like-pre-ln', runs)).toBe(true);
    expect(outcomeOf('e16-rezero-steps-like-pre-ln', runs).value).toBeCloseTo(360 / 290);
  });
  test('holds with one seed above 1.5 when the mean is within it', () => {
    expect(holds('e16-rezero-steps-like-pre-ln', [withSteps(80, 122), withSteps(100, 110)])).toBe(true);
  });
  test('fails when the mean ratio is above 1.5, and when one seed does not reach the target', () => {
    expect(holds('e16-rezero-steps-like-pre-ln', [withSteps(90, 170), withSteps(100, 150)])).toBe(false);
    expect(holds('e16-rezero-steps-like-pre-ln', [withSteps(90, 100), withSteps(100, null)])).toBe(false);
    expect(holds('e16-rezero-steps-like-pre-ln', [withSteps(null, 100)])).toBe(false);
    expect(holds('e16-rezero-steps-like-pre-ln', [])).toBe(false);
  });
});

describe('e16-scaled-steps-like-pre-ln', () => {
  test('holds when the scaled stack needs at most 1.5 times Pre-LN’s steps; its figure is the ratio', () => {
    expect(holds('e16-scaled-steps-like-pre-ln', good)).toBe(true);
    expect(outcomeOf('e16-scaled-steps-like-pre-ln', good).value).toBeCloseTo(0.9);
  });
  test('fails above 1.5 times, and when it does not reach the target', () => {
    const slow = clone(good);
    slow.stacks.scaled.training!.stepsToTarget = 160;
    expect(holds('e16-scaled-steps-like-pre-ln', slow)).toBe(false);
    const never = clone(good);
    never.stacks.scaled.training = null;
    expect(holds('e16-scaled-steps-like-pre-ln', never)).toBe(false);
  });
});

describe('e16-scaled-stream-bounded', () => {
  test('holds when the scaled stream grows less than twofold and the plain one more than tenfold; its figure is the scaled growth', () => {
    expect(holds('e16-scaled-stream-bounded', good)).toBe(true);
    expect(outcomeOf('e16-scaled-stream-bounded', good).value).toBeCloseTo(1.3);
  });
  test('fails when the scaled stream grows twofold or more', () => {
    const bad = clone(good);
    bad.stacks.scaled.streamNorm = [5, 8, 10];
    expect(holds('e16-scaled-stream-bounded', bad)).toBe(false);
  });
  test('fails when the plain stream grows tenfold or less', () => {
    const bad = clone(good);
    bad.stacks.plain.streamNorm = [5, 20, 50];
    expect(holds('e16-scaled-stream-bounded', bad)).toBe(false);
  });
});
