// E2's predicates on synthetic measurements: each holds where the effect is there and fails where it is not.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E2Measurements, E2Run } from './experiment';

const FLOOR = Math.log(8);
/** A run whose loss ends flat at `end` (the predicates read the mean of the last 5 steps). */
const run = (variant: string, end: number, stepsToTarget: number | null, lr = 0.003, warmupSteps = 50): E2Run => ({
  variant,
  lr,
  warmupSteps,
  stepsToTarget,
  diverged: false,
  loss: [3, 2.5, end, end, end, end, end],
});
const good: E2Measurements = {
  layers: 6,
  width: 32,
  steps: 100,
  targetLoss: 1,
  lr: 0.003,
  highLr: 0.01,
  warmupSteps: 50,
  warmupGrid: 'one rate',
  wrappings: true,
  preLnWarmup: true,
  floor: FLOOR,
  runs: [
    run('post-ln', 1.3, null),
    run('pre-ln', 0.9, 85),
    run('residual-no-norm', 4, null),
    run('residual-no-norm+final-ln', 2.05, null),
    run('norm-no-residual', 2.0, null),
    run('neither', 1.95, null),
    run('post-ln', 2.09, null, 0.01, 0),
    run('post-ln', 1.7, null, 0.01, 50),
    run('pre-ln', 0.95, 90, 0.01, 0),
    run('pre-ln', 1.1, null, 0.01, 50),
  ],
  timing: {},
};
const five = (m: E2Measurements) => [m, m, m, m, m];

describe('e2-add-and-norm-trains', () => {
  test('holds when both models with the residual and the norm end ≥ 0.25 nats below every ablation; its figure is the gap', () => {
    expect(holds('e2-add-and-norm-trains', good)).toBe(true);
    expect(outcomeOf('e2-add-and-norm-trains', good).value).toBeCloseTo(1.95 - 1.3);
  });
  test('fails when one ablation ends close to the worse of the two', () => {
    const bad = clone(good);
    bad.runs[3]!.loss = bad.runs[3]!.loss.map((l, i) => (i >= 2 ? 1.4 : l));
    expect(holds('e2-add-and-norm-trains', bad)).toBe(false);
  });
  test('fails when a run diverged', () => {
    const bad = clone(good);
    bad.runs[0]!.diverged = true;
    expect(holds('e2-add-and-norm-trains', bad)).toBe(false);
  });
});

describe('e2-residual-indispensable', () => {
  test('holds when Pre-LN reaches the target, the residual alone is slower and the no-residual models stay above 1.5', () => {
    expect(holds('e2-residual-indispensable', good)).toBe(true);
    expect(outcomeOf('e2-residual-indispensable', good).value).toBeCloseTo(100 / 85); // a lower bound: not reached
    const reached = clone(good);
    reached.runs[2]!.stepsToTarget = 510;
    reached.steps = 1000;
    expect(outcomeOf('e2-residual-indispensable', reached).value).toBeCloseTo(510 / 85);
  });
  test('fails when LayerNorm without the residual gets below 1.5', () => {
    const bad = clone(good);
    bad.runs[4]!.loss = bad.runs[4]!.loss.map((l, i) => (i >= 2 ? 1.2 : l));
    expect(holds('e2-residual-indispensable', bad)).toBe(false);
  });
  test('fails when Pre-LN does not reach the target, or the residual alone gets there as fast', () => {
    const noPre = clone(good);
    noPre.runs[1]!.stepsToTarget = null;
    expect(holds('e2-residual-indispensable', noPre)).toBe(false);
    const asFast = clone(good);
    asFast.runs[2]!.stepsToTarget = 80;
    expect(holds('e2-residual-indispensable', asFast)).toBe(false);
  });
});

describe('e2-postln-needs-warmup', () => {
  test('holds when Post-LN without warmup sits at the floor and the others go below it on ≥ 4 of 5 seeds', () => {
    const rescued = clone(good);
    rescued.runs[6]!.loss = rescued.runs[6]!.loss.map((l, i) => (i >= 2 ? 1.5 : l));
    expect(holds('e2-postln-needs-warmup', [good, good, good, good, rescued])).toBe(true);
    expect(outcomeOf('e2-postln-needs-warmup', [good, good, good, good, rescued]).value).toBeCloseTo(0.8);
  });
  test('fails when Post-LN without warmup leaves the floor on 2 of 5 seeds', () => {
    const rescued = clone(good);
    rescued.runs[6]!.loss = rescued.runs[6]!.loss.map((l, i) => (i >= 2 ? 1.5 : l));
    expect(holds('e2-postln-needs-warmup', [good, good, good, rescued, rescued])).toBe(false);
  });
  test('fails when warmup does not take Post-LN below the floor', () => {
    const stuck = clone(good);
    stuck.runs[7]!.loss = stuck.runs[7]!.loss.map((l, i) => (i >= 2 ? 2.0 : l));
    expect(holds('e2-postln-needs-warmup', five(stuck))).toBe(false);
  });
  test('reads the highest rate of a four-rate grid', () => {
    const grid = clone(good);
    grid.warmupGrid = 'four rates';
    grid.runs.push(
      run('post-ln', 1.5, null, 0.001, 0),
      run('post-ln', 1.5, null, 0.001, 50),
      run('pre-ln', 1.2, null, 0.001, 0),
      run('pre-ln', 1.3, null, 0.001, 50),
    );
    expect(holds('e2-postln-needs-warmup', five(grid))).toBe(true);
  });
});

describe('e2-warmup-grid', () => {
  const RATES = [0.001, 0.002, 0.005, 0.01];
  /** Final losses at each rate, lowest first: Post-LN, Post-LN with warmup, Pre-LN, Pre-LN with warmup. */
  const gridOf = (ends: [number, number, number, number][]): E2Measurements => {
    const m = clone(good);
    m.warmupGrid = 'four rates';
    m.runs = m.runs.slice(0, 6);
    RATES.forEach((lr, i) => {
      const [post, postWarm, pre, preWarm] = ends[i]!;
      m.runs.push(run('post-ln', post, null, lr, 0), run('post-ln', postWarm, null, lr, 50));
      m.runs.push(run('pre-ln', pre, null, lr, 0), run('pre-ln', preWarm, null, lr, 50));
    });
    return m;
  };
  const grid = gridOf([
    [1.4, 1.55, 1.25, 1.5],
    [1.35, 1.35, 0.5, 1.05],
    [2.05, 1.1, 0.3, 0.2],
    [2.1, 1.45, 0.4, 0.15],
  ]);
  /** The same grid with one final loss changed (rate index, then 0 Post-LN, 1 with warmup, 2 Pre-LN, 3 with warmup). */
  const withEnd = (rate: number, which: number, end: number) => {
    const m = clone(grid);
    const r = m.runs[6 + rate * 4 + which]!;
    r.loss = r.loss.map((l, i) => (i >= 2 ? end : l));
    return m;
  };

  test('holds when Pre-LN trains at every rate, Post-LN at the lowest only, and warmup rescues it where it is stuck; its figure is the highest rate Post-LN trains at', () => {
    expect(holds('e2-warmup-grid', grid)).toBe(true);
    expect(outcomeOf('e2-warmup-grid', grid).value).toBeCloseTo(0.002);
    // the runs come in any order: the rates are sorted
    const shuffled = clone(grid);
    shuffled.runs = [...shuffled.runs.slice(0, 6), ...shuffled.runs.slice(6).reverse()];
    expect(holds('e2-warmup-grid', shuffled)).toBe(true);
    // the grid alone (the wrappings not trained) reads the same
    const alone = clone(grid);
    alone.wrappings = false;
    alone.runs = alone.runs.slice(6);
    expect(outcomeOf('e2-warmup-grid', alone)).toEqual(outcomeOf('e2-warmup-grid', grid));
    // without Pre-LN's warmup runs (no claim reads them) it holds with the same figure; only the detail is shorter
    const lean = clone(grid);
    lean.preLnWarmup = false;
    lean.runs = [...lean.runs.slice(0, 6), ...lean.runs.slice(6).filter((r) => !(r.variant === 'pre-ln' && r.warmupSteps > 0))];
    expect(lean.runs).toHaveLength(6 + 4 * 3);
    expect({ ...outcomeOf('e2-warmup-grid', lean), detail: '' }).toEqual({ ...outcomeOf('e2-warmup-grid', grid), detail: '' });
    expect(outcomeOf('e2-warmup-grid', lean).detail).not.toMatch(/Pre-LN [^;]*with warmup/);
    expect(holds('e2-postln-needs-warmup', five(lean))).toBe(true);
  });
  test('fails when Pre-LN without warmup stays near the floor at one rate', () => {
    expect(holds('e2-warmup-grid', withEnd(0, 2, 1.9))).toBe(false);
  });
  test('fails when Post-LN without warmup leaves the floor at the highest rate', () => {
    const bad = withEnd(3, 0, 1.95);
    expect(holds('e2-warmup-grid', bad)).toBe(false);
    expect(outcomeOf('e2-warmup-grid', bad).value).toBeCloseTo(0.002); // 0.12 below the floor: neither at it nor trained
    expect(outcomeOf('e2-warmup-grid', withEnd(3, 0, 1.5)).value).toBeCloseTo(0.01);
  });
  test('fails when Post-LN without warmup does not train at the lowest rate either', () => {
    const bad = withEnd(0, 0, 2.0);
    expect(holds('e2-warmup-grid', bad)).toBe(false);
    const none = withEnd(1, 0, 2.0);
    none.runs[6]!.loss = bad.runs[6]!.loss;
    expect(outcomeOf('e2-warmup-grid', none).value).toBe(0);
  });
  test('fails when warmup does not take Post-LN below the floor at a rate where it is stuck without', () => {
    expect(holds('e2-warmup-grid', withEnd(2, 1, 1.9))).toBe(false);
    // where Post-LN trains without warmup, the warmup run is not checked
    expect(holds('e2-warmup-grid', withEnd(1, 1, 1.95))).toBe(true);
  });
  test('fails when a run diverged, and on a grid of fewer than four rates', () => {
    const diverged = clone(grid);
    diverged.runs[6 + 3 * 4 + 2]!.diverged = true;
    expect(holds('e2-warmup-grid', diverged)).toBe(false);
    const two = clone(grid);
    two.runs = two.runs.filter((r, i) => i < 6 || r.lr === 0.001 || r.lr === 0.01);
    expect(holds('e2-warmup-grid', two)).toBe(false);
  });
});
