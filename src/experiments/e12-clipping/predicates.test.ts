// E12's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E12Measurements, E12Run } from './experiment';

const done = (loss: number[]): E12Run => ({ status: 'done', divergedAt: null, loss, gradNorm: loss.map(() => 1e3) });
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
    'pre-ln': done([2.8, 2.3, 1.9]),
  },
};

describe('e12-clipping-holds-off-divergence-small-stack', () => {
  test('holds when only the unclipped run diverges and the clipped one ends above its start; its figure is the rise', () => {
    expect(holds('e12-clipping-holds-off-divergence-small-stack', good)).toBe(true);
    expect(outcomeOf('e12-clipping-holds-off-divergence-small-stack', good).value).toBeCloseTo(5);
  });
  test('fails when the clipped run diverges too', () => {
    const bad = clone(good);
    bad.runs['residual, no norm, clipped'] = diverged([60, 3e4]);
    expect(holds('e12-clipping-holds-off-divergence-small-stack', bad)).toBe(false);
  });
  test('fails when the unclipped run does not diverge', () => {
    const bad = clone(good);
    bad.runs['residual, no norm'] = done([60, 50, 40]);
    expect(holds('e12-clipping-holds-off-divergence-small-stack', bad)).toBe(false);
  });
  test('fails when the clipped run learns (ends below its start)', () => {
    const bad = clone(good);
    bad.runs['residual, no norm, clipped'] = done([60, 40, 30]);
    expect(holds('e12-clipping-holds-off-divergence-small-stack', bad)).toBe(false);
  });
});

describe('e12-normalization-prevents-divergence', () => {
  test('holds when Pre-LN does not diverge, ends below its start and below a tenth of the clipped loss; its figure is its last loss', () => {
    expect(holds('e12-normalization-prevents-divergence', good)).toBe(true);
    expect(outcomeOf('e12-normalization-prevents-divergence', good).value).toBeCloseTo(1.9);
  });
  test('fails when Pre-LN diverges', () => {
    const bad = clone(good);
    bad.runs['pre-ln'] = diverged([2.8, 2e4]);
    expect(holds('e12-normalization-prevents-divergence', bad)).toBe(false);
  });
  test('fails when Pre-LN ends within ten times the clipped stack', () => {
    const bad = clone(good);
    bad.runs['residual, no norm, clipped'] = done([60, 30, 15]);
    expect(holds('e12-normalization-prevents-divergence', bad)).toBe(false);
  });
  test('fails when the unnormalized stack does not diverge', () => {
    const bad = clone(good);
    bad.runs['residual, no norm'] = done([60, 50, 40]);
    expect(holds('e12-normalization-prevents-divergence', bad)).toBe(false);
  });
});
