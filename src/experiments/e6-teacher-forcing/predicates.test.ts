// E6's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E6Measurements } from './experiment';

const ck = (step: number, teacherForced: number[], freeRunning: number[]) => ({ step, teacherForced, freeRunning });
const one = [1, 1, 1, 1, 1, 1];
const good: E6Measurements = {
  layers: 2,
  width: 32,
  steps: 400,
  every: 200,
  lr: 0.01,
  scheduledSampling: false,
  results: {
    'teacher forcing': {
      loss: [1],
      checkpoints: [ck(200, [1, 1, 0.9, 0.9, 0.9, 0.9], [1, 1, 0.85, 0.8, 0.7, 0.6]), ck(400, one, one)],
    },
    'free running': {
      loss: [1],
      checkpoints: [
        ck(200, [1, 0.5, 0.3, 0.2, 0.2, 0.2], [1, 0.5, 0.3, 0.2, 0.2, 0.2]),
        ck(400, [1, 1, 0.6, 0.5, 0.4, 0.4], [1, 1, 0.6, 0.5, 0.4, 0.4]),
      ],
    },
  },
};

describe('e6-teacher-forcing-trains-faster', () => {
  test('holds when teacher forcing generates positions 3–6 better over training; its figure is the difference', () => {
    expect(holds('e6-teacher-forcing-trains-faster', good)).toBe(true);
    expect(outcomeOf('e6-teacher-forcing-trains-faster', good).value).toBeCloseTo((0.7375 + 1) / 2 - (0.225 + 0.475) / 2);
  });
  test('fails when both modes generate alike', () => {
    const same = clone(good);
    same.results['free running'] = clone(good.results['teacher forcing']!);
    expect(holds('e6-teacher-forcing-trains-faster', same)).toBe(false);
  });
  test('ignores positions 1 and 2', () => {
    const early = clone(good);
    early.results['free running'] = clone(good.results['teacher forcing']!);
    for (const c of early.results['free running']!.checkpoints) {
      c.freeRunning[0] = 0;
      c.freeRunning[1] = 0;
    }
    expect(holds('e6-teacher-forcing-trains-faster', early)).toBe(false);
  });
});

describe('e6-exposure-bias', () => {
  test('holds when a gap opens during training, grows along the answer and closes at convergence', () => {
    expect(holds('e6-exposure-bias', [good, good])).toBe(true);
    expect(outcomeOf('e6-exposure-bias', [good]).value).toBeCloseTo(0.1625 / 2);
  });
  test('fails without a gap', () => {
    const none = clone(good);
    none.results['teacher forcing']!.checkpoints[0]!.freeRunning = [1, 1, 0.9, 0.9, 0.9, 0.9];
    expect(holds('e6-exposure-bias', [none, none])).toBe(false);
  });
  test('fails when the gap does not grow along the answer', () => {
    const flat = clone(good);
    flat.results['teacher forcing']!.checkpoints[0]!.freeRunning = [1, 1, 0.6, 0.8, 0.8, 0.8];
    expect(holds('e6-exposure-bias', [flat, flat])).toBe(false);
  });
  test('fails when the model has not converged or the gap stays at the end', () => {
    const unconverged = clone(good);
    unconverged.results['teacher forcing']!.checkpoints[1] = ck(400, [1, 1, 0.95, 0.95, 0.95, 0.95], [1, 1, 0.95, 0.95, 0.95, 0.95]);
    expect(holds('e6-exposure-bias', [unconverged, unconverged])).toBe(false);
    const stays = clone(good);
    stays.results['teacher forcing']!.checkpoints[1] = ck(400, one, [1, 1, 0.99, 0.97, 0.96, 0.96]);
    expect(holds('e6-exposure-bias', [stays, stays])).toBe(false);
  });
});
