// E9's predicate on synthetic measurements: it holds only when every attention matrix moves by more than 5%.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E9Measurements } from './experiment';

const four = (x: number) => ({ WQ: x, WK: x, WV: x, WO: x });
const good: E9Measurements = {
  layers: 2,
  width: 32,
  steps: 150,
  lr: 0.003,
  relativeChange: { 'dec.0': four(0.3), 'dec.1': four(0.3) },
  accuracy: { trained: 1, frozen: 0.8 },
};

describe('e9-attention-weights-learn', () => {
  test('holds when every matrix moves by more than 5%, whatever freezing costs; its figure is the smallest change', () => {
    expect(holds('e9-attention-weights-learn', good)).toBe(true);
    expect(outcomeOf('e9-attention-weights-learn', good).value).toBeCloseTo(0.3);
    const frozenIsFine = clone(good);
    frozenIsFine.accuracy['frozen'] = 0.99;
    expect(holds('e9-attention-weights-learn', frozenIsFine)).toBe(true);
  });
  test('fails when one matrix barely moves', () => {
    const bad = clone(good);
    bad.relativeChange['dec.1']!['WK'] = 0.01;
    expect(holds('e9-attention-weights-learn', bad)).toBe(false);
  });
  test('fails when a block is missing', () => {
    const bad = clone(good);
    delete bad.relativeChange['dec.1'];
    expect(holds('e9-attention-weights-learn', bad)).toBe(false);
  });
});
