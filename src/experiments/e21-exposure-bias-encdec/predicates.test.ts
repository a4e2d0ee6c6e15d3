// E21's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E21Measurements } from './experiment';

const ck = (step: number, teacherForced: number[], freeRunning: number[]) => ({ step, teacherForced, freeRunning });
const one = [1, 1, 1, 1, 1, 1];
const good: E21Measurements = {
  task: 'running sum',
  layers: 2,
  width: 32,
  steps: 300,
  every: 150,
  lr: 0.003,
  decay: 40,
  compare: 'free running and scheduled sampling',
  results: {
    'teacher forcing': {
      loss: [1],
      checkpoints: [ck(150, [1, 1, 0.9, 0.9, 0.9, 0.9], [1, 1, 0.85, 0.8, 0.7, 0.6]), ck(300, one, one)],
    },
    'free running': {
      loss: [1],
      checkpoints: [
        ck(150, [1, 0.5, 0.3, 0.2, 0.2, 0.2], [1, 0.5, 0.3, 0.2, 0.2, 0.2]),
        ck(300, [1, 1, 0.6, 0.5, 0.4, 0.4], [1, 1, 0.6, 0.5, 0.4, 0.4]),
      ],
    },
    'scheduled sampling': {
      loss: [1],
      checkpoints: [ck(150, [1, 1, 0.6, 0.6, 0.6, 0.6], [1, 1, 0.6, 0.5, 0.5, 0.5]), ck(300, one, [1, 1, 0.9, 0.9, 0.8, 0.8])],
    },
  },
};
/** The word-for-word translation: five target positions, the gap only at the first checkpoint. */
const five = [1, 1, 1, 1, 1];
const translation: E21Measurements = {
  ...clone(good),
  task: 'translation',
  every: 25,
  results: {
    'teacher forcing': {
      loss: [1],
      checkpoints: [
        ck(25, [1, 0.5, 0.9, 0.7, 0.8], [1, 0.5, 0.8, 0.5, 0.5]),
        ck(50, five, five),
        ck(75, [1, 1, 0.99, 1, 1], [1, 1, 0.99, 1, 0.99]),
      ],
    },
    'free running': { loss: [1], checkpoints: [ck(25, five, five)] },
    'scheduled sampling': { loss: [1], checkpoints: [ck(25, five, five)] },
  },
};

describe('e21-teacher-forcing-trains-faster', () => {
  test('holds when teacher forcing generates positions 3–6 better over training; its figure is the difference', () => {
    expect(holds('e21-teacher-forcing-trains-faster', good)).toBe(true);
    expect(outcomeOf('e21-teacher-forcing-trains-faster', good).value).toBeCloseTo((0.7375 + 1) / 2 - (0.225 + 0.475) / 2);
  });
  test('fails when both modes generate alike', () => {
    const same = clone(good);
    same.results['free running'] = clone(good.results['teacher forcing']!);
    expect(holds('e21-teacher-forcing-trains-faster', same)).toBe(false);
  });
  test('ignores positions 1 and 2', () => {
    const early = clone(good);
    early.results['free running'] = clone(good.results['teacher forcing']!);
    for (const c of early.results['free running']!.checkpoints) {
      c.freeRunning[0] = 0;
      c.freeRunning[1] = 0;
    }
    expect(holds('e21-teacher-forcing-trains-faster', early)).toBe(false);
  });
});

describe('e21-exposure-bias-compounds', () => {
  test('holds when a gap opens during training and grows along the target', () => {
    expect(holds('e21-exposure-bias-compounds', [good, good])).toBe(true);
    expect(outcomeOf('e21-exposure-bias-compounds', [good]).value).toBeCloseTo(0.1625 / 2);
  });
  test('fails without a gap', () => {
    const none = clone(good);
    none.results['teacher forcing']!.checkpoints[0]!.freeRunning = [1, 1, 0.9, 0.9, 0.9, 0.9];
    expect(holds('e21-exposure-bias-compounds', [none, none])).toBe(false);
  });
  test('fails when the gap does not grow along the target', () => {
    const flat = clone(good);
    flat.results['teacher forcing']!.checkpoints[0]!.freeRunning = [1, 1, 0.6, 0.8, 0.8, 0.8];
    expect(holds('e21-exposure-bias-compounds', [flat, flat])).toBe(false);
  });
});

describe('e21-translation-no-gap', () => {
  test('holds when, from step 50, the model has learned the task and the gap is within 0.01 (the gap at step 25 is not counted)', () => {
    expect(holds('e21-translation-no-gap', [translation, translation])).toBe(true);
    expect(outcomeOf('e21-translation-no-gap', [translation]).value).toBeCloseTo(0.01 / 2 / 3);
    // the claim's own setting trains the teacher-forced model alone ('nothing' beside it): the same outcome
    const alone = { ...clone(translation), compare: 'nothing' };
    alone.results = { 'teacher forcing': alone.results['teacher forcing']! };
    expect(outcomeOf('e21-translation-no-gap', [alone, alone])).toEqual(outcomeOf('e21-translation-no-gap', [translation, translation]));
  });
  test('fails when a gap stays after step 50', () => {
    const stays = clone(translation);
    stays.results['teacher forcing']!.checkpoints[2] = ck(75, five, [1, 1, 0.97, 0.97, 0.96]);
    expect(holds('e21-translation-no-gap', [stays, stays])).toBe(false);
  });
  test('fails when the model has not learned the task', () => {
    const unlearned = clone(translation);
    unlearned.results['teacher forcing']!.checkpoints[1] = ck(50, [1, 1, 0.9, 0.9, 0.9], [1, 1, 0.9, 0.9, 0.9]);
    expect(holds('e21-translation-no-gap', [unlearned, unlearned])).toBe(false);
  });
});

describe('e21-scheduled-sampling-no-better', () => {
  test('holds when scheduled sampling generates positions 3–6 less accurately over training; its figure is the difference', () => {
    expect(holds('e21-scheduled-sampling-no-better', good)).toBe(true);
    expect(outcomeOf('e21-scheduled-sampling-no-better', good).value).toBeCloseTo((0.7375 + 1) / 2 - (0.525 + 0.85) / 2);
  });
  test('fails when scheduled sampling generates as well as teacher forcing, or better', () => {
    const same = clone(good);
    same.results['scheduled sampling'] = clone(good.results['teacher forcing']!);
    expect(holds('e21-scheduled-sampling-no-better', same)).toBe(false);
    const better = clone(good);
    better.results['scheduled sampling']!.checkpoints = [ck(150, one, one), ck(300, one, one)];
    expect(holds('e21-scheduled-sampling-no-better', better)).toBe(false);
  });
});
