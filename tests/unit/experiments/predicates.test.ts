// Every claim's predicate on synthetic measurements: it holds where the effect is there and fails where it
// is not, so no claim test can pass whatever the experiment returns.
import { describe, expect, test } from 'vitest';
import { getClaim, type Claim } from '~/experiments';
import type { E1Measurements } from '~/experiments/e1-gradient-norms/experiment';
import type { E2Measurements } from '~/experiments/e2-steps-to-target/experiment';
import type { E4Measurements } from '~/experiments/e4-merge-by-addition/experiment';
import type { E8Measurements } from '~/experiments/e8-stream-norm/experiment';
import type { E10Measurements } from '~/experiments/e10-update-ratio/experiment';

/** Runs a claim's predicate on one measurement (each-seed) or on a list of runs (mean-over-seeds). */
function verdict<M>(id: string, m: M | M[]) {
  const claim = getClaim(id) as Claim<M>;
  const v = claim.mode === 'each-seed' ? claim.predicate(m as M) : claim.predicate(Array.isArray(m) ? m : [m]);
  expect(v.detail.length).toBeGreaterThan(10);
  return v.holds;
}
const clone = <T>(x: T): T => structuredClone(x);
const geometric = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from * (to / from) ** (i / (n - 1)));

describe('E1 predicates', () => {
  const good: E1Measurements = {
    layers: 12,
    perLayer: {
      'post-ln': geometric(1.5, 3, 12), 'pre-ln': geometric(1.3, 0.8, 12), 'residual-no-norm': geometric(6e4, 1.5e3, 12),
      'norm-no-residual': geometric(1.8, 7, 12), neither: geometric(0.004, 0.27, 12),
    },
    depths: [2, 4, 8, 16],
    lastLayer: { 'post-ln': [1.7, 2.9, 4.5, 3.8], 'pre-ln': [1.25, 1.2, 0.9, 0.76] },
  };
  test('vanishing without residual or norm', () => {
    expect(verdict('e1-no-residual-vanishes', good)).toBe(true);
    const bad = clone(good);
    bad.perLayer['neither'] = geometric(0.05, 0.27, 12); // only 5× smaller
    expect(verdict('e1-no-residual-vanishes', bad)).toBe(false);
  });
  test('explosion with residual but no norm', () => {
    expect(verdict('e1-residual-without-norm-explodes', good)).toBe(true);
    const bad = clone(good);
    bad.perLayer['residual-no-norm'] = geometric(60, 15, 12);
    expect(verdict('e1-residual-without-norm-explodes', bad)).toBe(false);
  });
  test('Pre-LN last layer falls with depth, below Post-LN', () => {
    expect(verdict('e1-preln-last-layer-falls-with-depth', [good, good])).toBe(true);
    const flat = clone(good);
    flat.lastLayer['pre-ln'] = [1, 1, 1, 0.95];
    expect(verdict('e1-preln-last-layer-falls-with-depth', [good, flat, flat])).toBe(false);
    const above = clone(good);
    above.lastLayer['post-ln'] = [1.7, 1.0, 0.8, 1.8];
    expect(verdict('e1-preln-last-layer-falls-with-depth', [above])).toBe(false);
  });
});

describe('E2 predicates', () => {
  const run = (variant: string, stepsToTarget: number | null, lr = 0.003, warmupSteps = 50) =>
    ({ variant, lr, warmupSteps, stepsToTarget, status: stepsToTarget ? 'reached' : 'not reached', loss: [2, 1] });
  const good: E2Measurements = {
    layers: 6, steps: 200, targetLoss: 1, lr: 0.003, highLr: 0.01, warmupSteps: 50,
    runs: [
      run('post-ln', 150), run('pre-ln', 90), run('residual-no-norm', null), run('norm-no-residual', null), run('neither', null),
      run('post-ln', null, 0.01, 0), run('post-ln', 120, 0.01, 50), run('pre-ln', 80, 0.01, 0),
    ],
    opsPerStep: { 'post-ln': 1200, 'pre-ln': 1210, 'residual-no-norm': 1000, 'norm-no-residual': 1150, neither: 980 },
    timing: {},
  };
  test('residual and norm train, ablations do not', () => {
    expect(verdict('e2-add-and-norm-trains', good)).toBe(true);
    const bad = clone(good);
    bad.runs[4]!.stepsToTarget = 190;
    expect(verdict('e2-add-and-norm-trains', bad)).toBe(false);
  });
  test('more operations per step, fewer steps', () => {
    const fewerOnly = clone(good);
    fewerOnly.runs[4]!.stepsToTarget = 120;
    expect(verdict('e2-fewer-steps-not-cheaper-steps', fewerOnly)).toBe(false);
    expect(verdict('e2-fewer-steps-not-cheaper-steps', good)).toBe(true);
    const cheaper = clone(good);
    cheaper.opsPerStep['neither'] = 1300;
    expect(verdict('e2-fewer-steps-not-cheaper-steps', cheaper)).toBe(false);
  });
  test('Post-LN needs warmup at the high rate', () => {
    expect(verdict('e2-postln-needs-warmup', [good, good, good])).toBe(true);
    const rescued = clone(good);
    rescued.runs[5]!.stepsToTarget = 150;
    expect(verdict('e2-postln-needs-warmup', [good, rescued, rescued])).toBe(false);
  });
});

describe('E3–E10 predicates', () => {
  test('E4: concatenation parameters and steps', () => {
    const r = (connection: string, parameters: number, stepsToTarget: number | null) => ({ connection, parameters, gradients: [1], stepsToTarget, loss: [1] });
    const good: E4Measurements = {
      layers: 4, steps: 200, targetLoss: 1, lr: 0.003, dModel: 32, sublayers: 8,
      results: [r('residual', 51530, 69), r('concat', 51530 + 8 * 2080, 122), r('highway', 59978, 70), r('none', 51530, null)],
    };
    expect(verdict('e4-concat-costs-parameters', good)).toBe(true);
    expect(verdict('e4-addition-trains-no-slower', [good, good, good])).toBe(true);
    const bad = clone(good);
    bad.results[1]!.parameters += 1;
    expect(verdict('e4-concat-costs-parameters', bad)).toBe(false);
    const slow = clone(good);
    slow.results[0]!.stepsToTarget = 190;
    expect(verdict('e4-addition-trains-no-slower', [slow, slow, good])).toBe(false);
    const never = clone(good);
    never.results[0]!.stepsToTarget = null;
    never.results[1]!.stepsToTarget = null;
    expect(verdict('e4-addition-trains-no-slower', [never, good, good])).toBe(false);
  });

  test('E8: the stream grows without a norm on it; Post-LN keeps it constant', () => {
    const good: E8Measurements = { layers: 12, streamNorm: { 'residual, no norm': geometric(8, 1200, 13), 'Pre-LN': geometric(8, 20, 13), 'Post-LN': [8, ...Array(12).fill(5.66)] } };
    expect(verdict('e8-stream-grows-with-depth', good)).toBe(true);
    const bad = clone(good);
    bad.streamNorm['Pre-LN'] = geometric(8, 9, 13);
    expect(verdict('e8-stream-grows-with-depth', bad)).toBe(false);
  });

  test('E10: the update is a bounded fraction of the stream', () => {
    const good: E10Measurements = { layers: 1, steps: 150, every: 25, lr: 0.003, checkpoints: [0, 25], branchRatio: { 'dec.0.self': [0.6, 0.9], 'dec.0.ffn': [0.5, 1.2] }, loss: [1] };
    expect(verdict('e10-update-is-a-fraction', good)).toBe(true);
    const big = clone(good);
    big.branchRatio['dec.0.ffn'] = [1.5, 2.5];
    expect(verdict('e10-update-is-a-fraction', big)).toBe(false);
  });
});
