// Claims measured by E5 (lesion: delete one block after training).
import type { E5Measurements } from './experiment';
import { fmt, fmtList } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

export const claims: Claim<E5Measurements>[] = [
  {
    id: 'e5-residual-blocks-deletable',
    statement:
      'After training, a residual model survives losing one block: without its least important block it keeps most of its accuracy, far above chance, while deleting any block of a model without residuals drops it to near chance.',
    experiment: 'e5',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const res = m.accuracy['residual (Pre-LN)']!;
      const plain = m.accuracy['no residual (LN only)']!;
      const bestResidual = Math.max(...res.lesioned);
      const bestPlain = Math.max(...plain.lesioned);
      return {
        holds: bestResidual >= 0.5 * res.intact && bestResidual >= m.chance + 0.25 && bestPlain <= m.chance + 0.1,
        detail: `residual: ${fmt(res.intact)} intact, ${fmtList(res.lesioned)} with block 1…${m.layers} deleted (best must keep ≥ 50% of intact and exceed chance by ≥ 0.25); without residuals: ${fmt(plain.intact)} intact, ${fmtList(plain.lesioned)} (best must be ≤ chance ${fmt(m.chance)} + 0.1)`,
      };
    },
  },
];
