// E12's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E12Measurements, E12Run } from './experiment';

const done = (loss: number[], g = 1e3): E12Run => ({ status: 'done', divergedAt: null, loss, gradNorm: loss.map(() => g) });
const diverged = (loss: number[]): E12Run => ({ status: 'diverged', divergedAt: loss.length, loss, gradNorm: loss.map(() => 1e5) });

const good: E12Measurements = {
  layers: 8,
  width: 32,
  lr: 0.01,
  steps: 3,
  clipNorm: 1,
  runs: {
    'residual, no norm': diverged([60, 500, 2e4]),
    'residual, no norm, clipped': done([60, 150, 300]),
    'pre-ln': done([2.8, 2.3, 1.9], 1),
  },
};

describe('e12-clipping-leaves-gradient-exploded', () => {
  test('holds when the clipped gradient stays > 100× Pre-LN’s largest and its loss does not fall; its figure is that ratio', () => {
    expect(holds('e12-clipping-leaves-gradient-exploded', good)).toBe(true);
    expect(outcomeOf('e12-clipping-leaves-gradient-exploded', good).value).toBeCloseTo(1e3 / 1);
  });
  test('fails when the clipped run’s gradient comes within 100× of Pre-LN’s', () => {
    const bad = clone(good);
    bad.runs['residual, no norm, clipped']!.gradNorm = [1e3, 50, 1e3];
    expect(holds('e12-clipping-leaves-gradient-exploded', bad)).toBe(false);
  });
  test('fails when the clipped run learns (ends below its start)', () => {
    const bad = clone(good);
    bad.runs['residual, no norm, clipped'] = done([60, 40, 30]);
    expect(holds('e12-clipping-leaves-gradient-exploded', bad)).toBe(false);
  });
  test('holds on a clipped run that diverged at once (its loss did not fall)', () => {
    const once = clone(good);
    once.runs['residual, no norm, clipped'] = diverged([2e4]);
    expect(holds('e12-clipping-leaves-gradient-exploded', once)).toBe(true);
  });
});

describe('e12-normalization-keeps-loss-down', () => {
  test('holds when Pre-LN does not diverge, ends below its start and below a tenth of the clipped loss; its figure is its last loss', () => {
    expect(holds('e12-normalization-keeps-loss-down', good)).toBe(true);
    expect(outcomeOf('e12-normalization-keeps-loss-down', good).value).toBeCloseTo(1.9);
  });
  test('fails when Pre-LN diverges', () => {
    const bad = clone(good);
    bad.runs['pre-ln'] = diverged([2.8, 2e4]);
    expect(holds('e12-normalization-keeps-loss-down', bad)).toBe(false);
  });
  test('fails when Pre-LN ends above its start', () => {
    const bad = clone(good);
    bad.runs['pre-ln'] = done([2.8, 2.9, 3]);
    expect(holds('e12-normalization-keeps-loss-down', bad)).toBe(false);
  });
  test('fails when Pre-LN ends within ten times the clipped stack', () => {
    const bad = clone(good);
    bad.runs['residual, no norm, clipped'] = done([60, 30, 15]);
    expect(holds('e12-normalization-keeps-loss-down', bad)).toBe(false);
  });
});
