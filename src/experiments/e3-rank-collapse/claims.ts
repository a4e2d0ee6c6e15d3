// Claims measured by E3 (rank collapse).
import type { E3Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

export const claims: Claim<E3Measurements>[] = [
  {
    id: 'e3-attention-only-collapses',
    statement:
      'A stack of self-attention layers without skip connections collapses its token vectors toward one vector (the relative residual falls by orders of magnitude with depth); with skips it does not.',
    experiment: 'e3',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const drop = (xs: number[]) => xs.at(-1)! / xs[0]!;
      const without = drop(m.relResidual['without skips']!['attention only']!);
      const withSkips = drop(m.relResidual['with skips']!['attention only']!);
      return {
        holds: without < 0.01 && withSkips > 0.1,
        detail: `relative residual after ${m.layers} attention-only layers / at the input: ${fmt(without)} without skips (must be < 0.01), ${fmt(withSkips)} with skips (must be > 0.1)`,
      };
    },
  },
];
