// E8's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, geometric, holds, outcomeOf } from '../predicate-testing';
import type { E8Measurements } from './experiment';

const flat = (x: number) => [8, ...Array<number>(12).fill(x)];

describe('e8-stream-grows-with-depth', () => {
  const growing: E8Measurements = {
    layers: 12,
    width: 32,
    streamNorm: { 'residual, no norm': geometric(8, 1200, 13), 'Pre-LN': geometric(8, 20, 13) },
    inputCoefficient: {},
  };
  test('holds when every stack measured grows ≥ 1.5× from block 1 to the last; its figure is the smallest growth', () => {
    expect(holds('e8-stream-grows-with-depth', growing)).toBe(true);
    expect(outcomeOf('e8-stream-grows-with-depth', growing).value).toBeCloseTo(20 / (8 * (20 / 8) ** (1 / 12)));
  });
  test('fails when one stack grows less than 1.5×', () => {
    const bad = clone(growing);
    bad.streamNorm['Pre-LN'] = geometric(8, 9, 13);
    expect(holds('e8-stream-grows-with-depth', bad)).toBe(false);
  });
  test('fails on normalized stacks, whose norm is flat', () => {
    expect(
      holds('e8-stream-grows-with-depth', { ...growing, streamNorm: { 'Post-LN': flat(5.66), 'LayerNorm, no residual': flat(5.66) } }),
    ).toBe(false);
  });
});

describe('e8-postln-input-fades', () => {
  const noise = [0.05, -0.08, 0.1, -0.02, 0.04, -0.1];
  const good: E8Measurements = {
    layers: 12,
    width: 32,
    streamNorm: {},
    inputCoefficient: {
      'Post-LN': [1, 0.5, 0.33, 0.22, 0.14, 0.1, 0.08, ...noise],
      'Pre-LN': [1, 0.98, 0.95, 1.05, 0.9, 0.92, 0.97, 0.88, 0.9, 0.93, 0.95, 0.91, 0.89],
    },
  };
  test('holds when Post-LN falls at each of blocks 1–3 and stays small above the middle while Pre-LN stays near one; its figure is the upper-half size', () => {
    expect(holds('e8-postln-input-fades', good)).toBe(true);
    expect(outcomeOf('e8-postln-input-fades', good).value).toBeCloseTo(0.1);
  });
  test('fails when Post-LN still carries a quarter of the input in the upper half', () => {
    const bad = clone(good);
    bad.inputCoefficient['Post-LN']![10] = 0.3;
    expect(holds('e8-postln-input-fades', bad)).toBe(false);
  });
  test('fails when Post-LN does not fall at one of the first three blocks', () => {
    const bad = clone(good);
    bad.inputCoefficient['Post-LN']![3] = 0.4;
    expect(holds('e8-postln-input-fades', bad)).toBe(false);
  });
  test('fails when Pre-LN loses the input too', () => {
    const bad = clone(good);
    bad.inputCoefficient['Pre-LN'] = geometric(1, 0.1, 13);
    expect(holds('e8-postln-input-fades', bad)).toBe(false);
  });
});
