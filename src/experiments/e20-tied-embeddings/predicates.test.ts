// E20's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E20Measurements, E20Run } from './experiment';

const run = (stepsToTarget: number | null, inputRank: number): E20Run => ({
  params: 1000,
  initLoss: 3.5,
  inputRank,
  inputFirst: inputRank < 1 ? 0.8 : 0.05,
  stepsToTarget,
  loss: [3.5, 0.05],
});
const good: E20Measurements = {
  layers: 2,
  width: 32,
  norm: 'Post-LN',
  lr: 0.003,
  steps: 200,
  targetLoss: 0.1,
  vocabSize: 28,
  runs: { untied: run(60, 12), tied: run(66, 0.5) },
};

describe('e20-tying-neither-slows-nor-speeds', () => {
  test('holds when the tied model’s steps are within 1.5 times the untied’s, either way; its figure is their ratio', () => {
    expect(holds('e20-tying-neither-slows-nor-speeds', good)).toBe(true);
    expect(outcomeOf('e20-tying-neither-slows-nor-speeds', good).value).toBeCloseTo(1.1);
    const faster = clone(good);
    faster.runs.tied!.stepsToTarget = 45;
    expect(holds('e20-tying-neither-slows-nor-speeds', faster)).toBe(true);
  });
  test('fails when tying is more than 1.5 times slower, or faster', () => {
    const slower = clone(good);
    slower.runs.tied!.stepsToTarget = 95;
    expect(holds('e20-tying-neither-slows-nor-speeds', slower)).toBe(false);
    const faster = clone(good);
    faster.runs.tied!.stepsToTarget = 35;
    expect(holds('e20-tying-neither-slows-nor-speeds', faster)).toBe(false);
  });
  test('fails when either model misses the target within the budget', () => {
    for (const name of ['untied', 'tied']) {
      const missed = clone(good);
      missed.runs[name]!.stepsToTarget = null;
      expect(holds('e20-tying-neither-slows-nor-speeds', missed)).toBe(false);
      expect(outcomeOf('e20-tying-neither-slows-nor-speeds', missed).value).toBeUndefined();
    }
  });
});

describe('e20-tied-starts-on-input-token', () => {
  test('holds when fewer than 2 tokens score above the given one with tying and more than 5 without; its figure is the tied rank', () => {
    expect(holds('e20-tied-starts-on-input-token', good)).toBe(true);
    expect(outcomeOf('e20-tied-starts-on-input-token', good).value).toBeCloseTo(0.5);
  });
  test('fails when the tied model ranks the given token lower, or the untied one ranks it high too', () => {
    const low = clone(good);
    low.runs.tied!.inputRank = 3;
    expect(holds('e20-tied-starts-on-input-token', low)).toBe(false);
    const both = clone(good);
    both.runs.untied!.inputRank = 4;
    expect(holds('e20-tied-starts-on-input-token', both)).toBe(false);
  });
});
