// E4's predicates on synthetic measurements: each holds where the effect is there and fails where it is not.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E4Measurements } from './experiment';

const r = (connection: string, stepsToTarget: number | null) => ({ connection, parameters: 1, gradients: [1], stepsToTarget, loss: [1] });
const good: E4Measurements = {
  layers: 4,
  width: 32,
  steps: 700,
  targetLoss: 1,
  lr: 0.003,
  highwayAndNone: false,
  dModel: 32,
  sublayers: 8,
  results: [r('residual', 70), r('concat (random)', 120), r('concat ([I; I])', 75)],
};
const five = (m: E4Measurements) => [m, m, m, m, m];

describe('e4-addition-trains-no-slower', () => {
  test('holds when the random projection needs more steps on average; its figure is the ratio', () => {
    expect(holds('e4-addition-trains-no-slower', five(good))).toBe(true);
    expect(outcomeOf('e4-addition-trains-no-slower', five(good)).value).toBeCloseTo(120 / 70);
  });
  test('fails when addition is slower on average', () => {
    const slow = clone(good);
    slow.results[0]!.stepsToTarget = 190;
    expect(holds('e4-addition-trains-no-slower', [slow, slow, slow, good, good])).toBe(false);
  });
  test('fails when addition misses the target on one seed', () => {
    const never = clone(good);
    never.results[0]!.stepsToTarget = null;
    never.results[1]!.stepsToTarget = null;
    expect(holds('e4-addition-trains-no-slower', [never, good, good, good, good])).toBe(false);
  });
});

describe('e4-identity-concat-matches-addition', () => {
  test('holds when [I; I] concatenation is within 25% of addition; its figure is the ratio', () => {
    expect(holds('e4-identity-concat-matches-addition', five(good))).toBe(true);
    expect(outcomeOf('e4-identity-concat-matches-addition', five(good)).value).toBeCloseTo(75 / 70);
  });
  test('fails when it is more than 25% slower or faster', () => {
    const slow = clone(good);
    slow.results[2]!.stepsToTarget = 100;
    expect(holds('e4-identity-concat-matches-addition', five(slow))).toBe(false);
    const fast = clone(good);
    fast.results[2]!.stepsToTarget = 50;
    expect(holds('e4-identity-concat-matches-addition', five(fast))).toBe(false);
  });
  test('fails when it misses the target on one seed', () => {
    const never = clone(good);
    never.results[2]!.stepsToTarget = null;
    expect(holds('e4-identity-concat-matches-addition', [never, good, good, good, good])).toBe(false);
  });
});
