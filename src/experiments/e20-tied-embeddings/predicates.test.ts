// E20's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E20Init, E20Measurements, E20Run } from './experiment';

const run = (stepsToTarget: number | null): E20Run => ({ params: 1000, stepsToTarget, loss: [3.5, 0.05] });
const at = (inputRank: number): E20Init => ({ initLoss: 3.5, inputRank, inputFirst: inputRank < 1 ? 0.8 : 0.05 });
const good: E20Measurements = {
  layers: 2,
  width: 32,
  norm: 'Pre-LN',
  lr: 0.003,
  steps: 200,
  targetLoss: 0.1,
  vocabSize: 28,
  init: { 'Post-LN': { untied: at(12), tied: at(4) }, 'Pre-LN': { untied: at(12), tied: at(0.5) } },
  runs: { untied: run(60), tied: run(66) },
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
  test('holds when, with the run’s norm placement, fewer than 2 tokens score above the given one with tying and more than 5 without; its figure is the tied rank', () => {
    expect(holds('e20-tied-starts-on-input-token', good)).toBe(true);
    expect(outcomeOf('e20-tied-starts-on-input-token', good).value).toBeCloseTo(0.5);
  });
  test('reads the run’s norm placement: the same measurements with Post-LN fail', () => {
    expect(holds('e20-tied-starts-on-input-token', { ...good, norm: 'Post-LN' })).toBe(false);
  });
  test('fails when the tied model ranks the given token lower, or the untied one ranks it high too', () => {
    const low = clone(good);
    low.init['Pre-LN']!.tied!.inputRank = 3;
    expect(holds('e20-tied-starts-on-input-token', low)).toBe(false);
    const both = clone(good);
    both.init['Pre-LN']!.untied!.inputRank = 4;
    expect(holds('e20-tied-starts-on-input-token', both)).toBe(false);
  });
});
