// E10's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E10Measurements } from './experiment';

const good: E10Measurements = {
  layers: 1,
  width: 32,
  norm: 'post',
  steps: 150,
  every: 75,
  lr: 0.003,
  averaged: true,
  checkpoints: [0, 75, 150],
  branchRatio: { 'dec.0.self': [0.6, 0.9, 0.8], 'dec.0.ffn': [0.5, 1.2, 0.7] },
  loss: [2, 1],
  averagedLoss: [2, 1.5],
  accuracy: { added: 0.98, averaged: 0.75 },
};

describe('e10-update-is-a-fraction', () => {
  test('holds when the ratio averages below 1 and stays below 2; its figure is the mean', () => {
    expect(holds('e10-update-is-a-fraction', good)).toBe(true);
    expect(outcomeOf('e10-update-is-a-fraction', good).value).toBeCloseTo(4.7 / 6);
  });
  test('fails when one sublayer adds more than twice the stream', () => {
    const big = clone(good);
    big.branchRatio['dec.0.ffn'] = [0.5, 2.5, 0.7];
    expect(holds('e10-update-is-a-fraction', big)).toBe(false);
  });
  test('fails when the ratio averages above 1', () => {
    const big = clone(good);
    big.branchRatio = { 'dec.0.self': [1.2, 1.5, 1.1], 'dec.0.ffn': [1.1, 1.3, 1.4] };
    expect(holds('e10-update-is-a-fraction', big)).toBe(false);
  });
});

describe('e10-averaging-trains-worse', () => {
  test('holds when averaging ends ≥ 0.1 below adding; its figure is the gap', () => {
    expect(holds('e10-averaging-trains-worse', good)).toBe(true);
    expect(outcomeOf('e10-averaging-trains-worse', good).value).toBeCloseTo(0.23);
  });
  test('fails when the two end alike', () => {
    const alike = clone(good);
    alike.accuracy.averaged = 0.95;
    expect(holds('e10-averaging-trains-worse', alike)).toBe(false);
  });
  test('fails, saying why, when the decoder that averages was not trained; the update claim reads the same without it', () => {
    const alone = clone(good);
    Object.assign(alone, { averaged: false, averagedLoss: [], accuracy: { added: 0.98, averaged: null } });
    expect(outcomeOf('e10-averaging-trains-worse', alone)).toMatchObject({ holds: false, detail: expect.stringMatching(/not trained/) });
    expect(outcomeOf('e10-update-is-a-fraction', alone)).toEqual(outcomeOf('e10-update-is-a-fraction', good));
  });
});

describe('e10-block-not-identity-at-init', () => {
  test('holds when the ratio at initialization averages ≥ 0.5 with none below 0.3; its figure is the mean at init', () => {
    expect(holds('e10-block-not-identity-at-init', good)).toBe(true);
    expect(outcomeOf('e10-block-not-identity-at-init', good).value).toBeCloseTo(0.55);
  });
  test('fails when the fresh blocks are near the identity', () => {
    const small = clone(good);
    small.branchRatio = { 'dec.0.self': [0.05, 0.9, 0.8], 'dec.0.ffn': [0.1, 1.2, 0.7] };
    expect(holds('e10-block-not-identity-at-init', small)).toBe(false);
  });
  test('fails when one sublayer starts small though the mean is large', () => {
    const one = clone(good);
    one.branchRatio = { 'dec.0.self': [0.9, 0.9, 0.8], 'dec.0.ffn': [0.2, 1.2, 0.7] };
    expect(holds('e10-block-not-identity-at-init', one)).toBe(false);
  });
});
