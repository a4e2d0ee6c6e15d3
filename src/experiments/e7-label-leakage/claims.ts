// Claims measured by E7 (label leakage: the causal mask and the right shift).
import type { E7Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

// One seed at the larger scale: each scale run trains three d 64 models, and the claims share it.
const tooShort = { params: { steps: 10 }, why: 'in 10 steps the model has not yet learned to read the tokens it is shown' };

export const claims: Claim<E7Measurements>[] = [
  {
    id: 'e7-no-mask-leaks',
    statement:
      'Without the causal mask, the held-out loss on the question positions (random tokens, which no model that sees only earlier tokens can predict below the entropy floor ln 8) falls below half that floor: the model reads later tokens. With the mask it stays within 10% of the floor. What the leak spoils is the loss as a measure of prediction, not necessarily the outputs (see the next check).',
    experiment: 'e7',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'each-seed',
    figure: 'held-out loss on the question positions without the mask, as a fraction of the entropy floor',
    counterRuns: [tooShort],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 }, seeds: [1, 2, 3] }],
    predicate(m) {
      const floor = m.entropyFloor;
      const leaky = m.results['no causal mask']!.questionLoss;
      const honest = m.results['correct']!.questionLoss;
      return {
        holds: leaky < 0.5 * floor && Math.abs(honest - floor) <= 0.1 * floor,
        value: leaky / floor,
        detail: `held-out loss on the question positions: ${fmt(leaky)} without the mask (must be < half the floor ${fmt(floor)}), ${fmt(honest)} with it (must be within 10% of the floor)`,
      };
    },
  },
  {
    id: 'e7-no-mask-still-generates',
    statement:
      'The model trained without the causal mask still generates the reversed answer far above chance: fed its own outputs, with every answer token not yet generated hidden, it gets at least half of the answer tokens right (chance is 1/8).',
    experiment: 'e7',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'each-seed',
    figure: 'generation accuracy of the model trained without the causal mask',
    counterRuns: [tooShort],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 }, seeds: [1, 2, 3] }],
    predicate(m) {
      const r = m.results['no causal mask']!;
      return {
        holds: r.generated >= 0.5,
        value: r.generated,
        detail: `without the mask: generation accuracy ${fmt(r.generated)} (must be ≥ 0.5; chance ${fmt(m.chance)}), teacher-forced ${fmt(r.teacherForced)}; the correct model generates at ${fmt(m.results['correct']!.generated)}`,
      };
    },
  },
  {
    id: 'e7-no-shift-copies-input',
    // Generation here is degenerate by construction (a copying model echoes the separator the unknown inputs
    // start as), so the informative part of the check is that the model learned to copy.
    statement:
      'Without the right shift, each position is given the very token it must predict, and the model learns to copy it: its held-out loss on the random question tokens falls below half the entropy floor, and fed the answer it is right on at least 90% of the answer tokens. Made to generate, where that token is not given, it scores below chance (1/8). This shows the copy is useless for generating; it does not measure how well a model trained with the shift generates.',
    experiment: 'e7',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'each-seed',
    figure: 'teacher-forced accuracy of the model trained without the shift',
    counterRuns: [
      {
        params: { lr: 0.00001 },
        why: 'copying is learned within 10 steps at the default rate; at a learning rate 300 times smaller it is not learned in 150 steps',
      },
    ],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 }, seeds: [1, 2, 3] }],
    predicate(m) {
      const r = m.results['no right shift']!;
      return {
        holds: r.questionLoss < 0.5 * m.entropyFloor && r.teacherForced >= 0.9 && r.generated < m.chance,
        value: r.teacherForced,
        detail: `without the shift: held-out loss on the question positions ${fmt(r.questionLoss)} (must be < half the floor ${fmt(m.entropyFloor)}), accuracy ${fmt(r.teacherForced)} when fed the answer (must be ≥ 0.9), ${fmt(r.generated)} when generating (must be below chance ${fmt(m.chance)}); the correct model generates at ${fmt(m.results['correct']!.generated)}`,
      };
    },
  },
];
