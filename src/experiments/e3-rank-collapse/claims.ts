// Claims measured by E3 (rank collapse).
import type { E3Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const STACKS = ['attention only', 'attention + MLP', 'full block (Post-LN)'] as const;
/** Relative residual after the last block / at the input. */
const drop = (xs: number[]) => xs.at(-1)! / xs[0]!;

export const claims: Claim<E3Measurements>[] = [
  {
    id: 'e3-attention-only-collapses',
    statement:
      'Without skip connections, each of the three 12-layer stacks (attention only, attention + MLP, the full Post-LN block) collapses its token vectors toward one vector: the relative residual ends below 1% of its value at the input. With skips it falls too, but ends at least 10 times higher than without them in every stack.',
    experiment: 'e3',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'each-seed',
    figure: 'smallest factor, over the three stacks, by which skips keep the relative residual higher after the last block',
    counterRuns: [{ params: { layers: 1 }, why: 'one block is too shallow for the collapse, which compounds with depth' }],
    scales: [{ label: 'd 64, 24 layers', params: { width: 64, layers: 24 } }],
    predicate(m) {
      const without = STACKS.map((s) => drop(m.relResidual['without skips']![s]!));
      const gap = STACKS.map((s) => m.relResidual['with skips']![s]!.at(-1)! / m.relResidual['without skips']![s]!.at(-1)!);
      const smallestGap = Math.min(...gap);
      return {
        holds: without.every((d) => d < 0.01) && smallestGap >= 10,
        value: smallestGap,
        detail: `relative residual after ${m.layers} layers / at the input without skips: ${STACKS.map((s, i) => `${s} ${fmt(without[i]!)}`).join(', ')} (each must be < 0.01); with skips / without after the last block: ${STACKS.map((s, i) => `${s} ${fmt(gap[i]!)}×`).join(', ')} (each must be ≥ 10)`,
      };
    },
  },
];
