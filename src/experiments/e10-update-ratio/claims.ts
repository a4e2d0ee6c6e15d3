// Claims measured by E10 (‖F(x)‖/‖x‖ per sublayer through training).
import type { E10Measurements } from './experiment';
import { fmt, mean } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

export const claims: Claim<E10Measurements>[] = [
  {
    id: 'e10-update-is-a-fraction',
    statement:
      'Through training, what a sublayer adds, ‖F(x)‖, is on average smaller than the stream ‖x‖ it is added to and never more than twice it: the sum keeps the input and adds a change of bounded size, rather than averaging the two.',
    experiment: 'e10',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const ratios = Object.values(m.branchRatio).flat();
      const avg = mean(ratios);
      const largest = Math.max(...ratios);
      return {
        holds: ratios.length > 0 && avg < 1 && largest < 2,
        detail: `‖F(x)‖/‖x‖ over ${Object.keys(m.branchRatio).length} sublayers at ${m.checkpoints.length} checkpoints: mean ${fmt(avg)} (must be < 1), largest ${fmt(largest)} (must be < 2), smallest ${fmt(Math.min(...ratios))}`,
      };
    },
  },
];
