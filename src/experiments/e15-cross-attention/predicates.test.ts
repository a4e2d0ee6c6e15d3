// E15's predicates on synthetic measurements: they hold only when the trained cross-attention follows the word order.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E15Measurements } from './experiment';

const uniform = Array.from({ length: 5 }, () => [0.2, 0.2, 0.2, 0.2, 0.2]);
/** Each target position puts `w` on its aligned source word and the rest evenly elsewhere. */
const aligned = (w: number, alignment = [0, 1, 3, 4, 2]) =>
  alignment.map((s) => Array.from({ length: 5 }, (_, k) => (k === s ? w : (1 - w) / 4)));
const good: E15Measurements = {
  layers: 2,
  width: 32,
  steps: 200,
  lr: 0.003,
  alignment: [0, 1, 3, 4, 2],
  before: { 'dec.0.cross': uniform, 'dec.1.cross': uniform },
  after: { 'dec.0.cross': uniform, 'dec.1.cross': aligned(0.8) },
  status: 'done',
  loss: [2.5, 0.01],
  accuracy: 1,
};

describe('e15-cross-attention-aligns', () => {
  test('holds when the last block puts its largest weight on the aligned source word at ≥ 4 of 5 positions; its figure is that count', () => {
    expect(holds('e15-cross-attention-aligns', good)).toBe(true);
    expect(outcomeOf('e15-cross-attention-aligns', good).value).toBe(5);
    const fourOfFive = clone(good);
    fourOfFive.after['dec.1.cross'] = aligned(0.8, [0, 1, 0, 4, 2]); // the two adjectives confused
    expect(holds('e15-cross-attention-aligns', fourOfFive)).toBe(true);
  });
  test('fails on uniform attention, at 3 of 5 positions, on a diagonal (word-for-word) attention, and when training diverged', () => {
    const flat = clone(good);
    flat.after['dec.1.cross'] = uniform;
    expect(holds('e15-cross-attention-aligns', flat)).toBe(false);
    const threeOfFive = clone(good);
    threeOfFive.after['dec.1.cross'] = aligned(0.8, [0, 1, 0, 3, 2]);
    expect(holds('e15-cross-attention-aligns', threeOfFive)).toBe(false);
    const diagonal = clone(good);
    diagonal.after['dec.1.cross'] = aligned(0.8, [0, 1, 2, 3, 4]);
    expect(holds('e15-cross-attention-aligns', diagonal)).toBe(false);
    const diverged = clone(good);
    diverged.status = 'diverged';
    expect(holds('e15-cross-attention-aligns', diverged)).toBe(false);
  });
  test('fails when the last block is missing', () => {
    const bad = clone(good);
    delete bad.after['dec.1.cross'];
    expect(holds('e15-cross-attention-aligns', bad)).toBe(false);
  });
});

describe('e15-verb-read-from-middle', () => {
  test('holds when the last target position puts its largest weight on the source verb; its figure is that weight', () => {
    expect(holds('e15-verb-read-from-middle', good)).toBe(true);
    expect(outcomeOf('e15-verb-read-from-middle', good).value).toBeCloseTo(0.8);
    const weak = clone(good);
    weak.after['dec.1.cross'] = aligned(0.3);
    expect(holds('e15-verb-read-from-middle', weak)).toBe(true);
  });
  test('fails when the last target position looks along the diagonal, spreads its attention evenly, or training diverged', () => {
    const diagonal = clone(good);
    diagonal.after['dec.1.cross'] = aligned(0.8, [0, 1, 3, 4, 4]);
    expect(holds('e15-verb-read-from-middle', diagonal)).toBe(false);
    const flat = clone(good);
    flat.after['dec.1.cross'] = uniform;
    expect(holds('e15-verb-read-from-middle', flat)).toBe(false);
    const diverged = clone(good);
    diverged.status = 'diverged';
    expect(holds('e15-verb-read-from-middle', diverged)).toBe(false);
  });
});
