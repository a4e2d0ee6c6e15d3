// E3's predicate on synthetic measurements: it holds only when every stack collapses without skips and skips
// keep at least 10× more of the relative residual in every stack.
import { describe, expect, test } from 'vitest';
import { clone, geometric, holds, outcomeOf } from '../predicate-testing';
import type { E3Measurements } from './experiment';

const stacks = (end: number) => ({
  'attention only': geometric(0.8, end, 13),
  'attention + MLP': geometric(0.8, end, 13),
  'full block (Post-LN)': geometric(0.8, end, 13),
});
const good: E3Measurements = { layers: 12, relResidual: { 'with skips': stacks(0.1), 'without skips': stacks(0.002) } };

describe('e3-attention-only-collapses', () => {
  test('holds when every stack collapses without skips and skips keep ≥ 10× more; its figure is the smallest gap', () => {
    expect(holds('e3-attention-only-collapses', good)).toBe(true);
    expect(outcomeOf('e3-attention-only-collapses', good).value).toBeCloseTo(50);
  });
  test('fails when one stack does not collapse below 1% without skips', () => {
    const bad = clone(good);
    bad.relResidual['without skips']!['attention + MLP'] = geometric(0.8, 0.05, 13);
    expect(holds('e3-attention-only-collapses', bad)).toBe(false);
  });
  test('fails when skips keep less than 10× more in one stack', () => {
    const bad = clone(good);
    bad.relResidual['with skips']!['full block (Post-LN)'] = geometric(0.8, 0.01, 13);
    expect(holds('e3-attention-only-collapses', bad)).toBe(false);
  });
});
