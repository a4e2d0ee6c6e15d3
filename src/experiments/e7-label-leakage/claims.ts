// Claims measured by E7 (label leakage: the causal mask and the right shift).
import type { E7Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

export const claims: Claim<E7Measurements>[] = [
  {
    id: 'e7-no-mask-leaks',
    statement:
      'Without the causal mask, the loss on the unpredictable positions (the random question tokens) falls far below the entropy floor ln 8: the model reads the answer; with the mask it stays at the floor.',
    experiment: 'e7',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const floor = m.entropyFloor;
      const leaky = m.results['no causal mask']!.questionLoss;
      const honest = m.results['correct']!.questionLoss;
      return {
        holds: leaky < 0.5 * floor && Math.abs(honest - floor) <= 0.1 * floor,
        detail: `held-out loss on the question positions: ${fmt(leaky)} without the mask (must be < half the floor ${fmt(floor)}), ${fmt(honest)} with it (must be within 10% of the floor)`,
      };
    },
  },
  {
    id: 'e7-no-shift-generates-at-chance',
    statement:
      'Without the right shift, the model learns to copy its input and scores almost perfectly when fed the answer, but when it must generate the answer itself it does no better than chance.',
    experiment: 'e7',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const r = m.results['no right shift']!;
      return {
        holds: r.teacherForced >= 0.9 && r.generated <= m.chance + 0.05,
        detail: `without the shift: accuracy ${fmt(r.teacherForced)} when fed the answer (must be ≥ 0.9), ${fmt(r.generated)} when generating (must be ≤ chance ${fmt(m.chance)} + 0.05); the correct model generates at ${fmt(m.results['correct']!.generated)}`,
      };
    },
  },
];
