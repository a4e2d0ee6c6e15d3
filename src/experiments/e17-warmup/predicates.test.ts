// E17's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E17Measurements, E17Run } from './experiment';

const FLOOR = Math.log(8);
const ending = (x: number): E17Run => ({ diverged: false, loss: [2.5, 2.2, x, x, x, x, x] });
const diverged: E17Run = { diverged: true, loss: [2.5, 30, 2e4] };

const good: E17Measurements = {
  layers: 3,
  width: 32,
  steps: 7,
  adamLr: 0.01,
  sgdLr: 0.2,
  warmupSteps: 4,
  vOnlySteps: 4,
  floor: FLOOR,
  runs: {
    'Post-LN, Adam, warmup': ending(1.4),
    'Post-LN, Adam-2k': ending(2.09),
    'Post-LN, SGD': ending(2.1),
    'Pre-LN, SGD': ending(1.6),
  },
  initGrad: { 'Post-LN': [0.5, 0.6, 0.9], 'Pre-LN': [0.6, 0.4, 0.3] },
};
const with_ = (name: string, r: E17Run) => {
  const m = clone(good);
  m.runs[name] = r;
  return m;
};

describe('e17-adam-2k-is-not-warmup', () => {
  test('holds when Adam-2k sits at the floor and the warmup run ends ≥ 0.25 below it; its figure is that gap', () => {
    expect(holds('e17-adam-2k-is-not-warmup', good)).toBe(true);
    expect(outcomeOf('e17-adam-2k-is-not-warmup', good).value).toBeCloseTo(0.69);
  });
  test('fails when Adam-2k learns (leaves the floor), as a warmup would', () => {
    expect(holds('e17-adam-2k-is-not-warmup', with_('Post-LN, Adam-2k', ending(1.5)))).toBe(false);
  });
  test('fails when the warmup run does not end 0.25 below Adam-2k', () => {
    expect(holds('e17-adam-2k-is-not-warmup', with_('Post-LN, Adam, warmup', ending(1.95)))).toBe(false);
  });
  test('fails when Adam-2k diverges (that is not sitting at the floor)', () => {
    expect(holds('e17-adam-2k-is-not-warmup', with_('Post-LN, Adam-2k', diverged))).toBe(false);
  });
});

describe('e17-sgd-postln-stuck', () => {
  test('holds when Post-LN with SGD sits at the floor and Pre-LN ends ≥ 0.25 below it; its figure is the gap', () => {
    expect(holds('e17-sgd-postln-stuck', good)).toBe(true);
    expect(outcomeOf('e17-sgd-postln-stuck', good).value).toBeCloseTo(0.5);
  });
  test('fails when Post-LN with SGD learns', () => {
    expect(holds('e17-sgd-postln-stuck', with_('Post-LN, SGD', ending(1.7)))).toBe(false);
  });
  test('fails when Pre-LN with SGD does not go 0.25 below the floor', () => {
    expect(holds('e17-sgd-postln-stuck', with_('Pre-LN, SGD', ending(1.9)))).toBe(false);
  });
  test('fails when Post-LN with SGD diverges', () => {
    expect(holds('e17-sgd-postln-stuck', with_('Post-LN, SGD', diverged))).toBe(false);
  });
});
