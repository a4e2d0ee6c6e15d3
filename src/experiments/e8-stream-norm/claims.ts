// Claims measured by E8 (the residual stream's norm by depth).
import type { E8Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

export const claims: Claim<E8Measurements>[] = [
  {
    id: 'e8-stream-grows-with-depth',
    statement:
      'Without normalization on the stream (no norm at all, or Pre-LN, which normalizes only what enters each sublayer), the residual stream’s norm grows with depth as each block adds its variance; Post-LN keeps it constant.',
    experiment: 'e8',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      // Index 0 is the input; compare the stream after the last block with the stream after the first.
      const growth = (xs: number[]) => xs.at(-1)! / xs[1]!;
      const noNorm = growth(m.streamNorm['residual, no norm']!);
      const pre = growth(m.streamNorm['Pre-LN']!);
      const post = m.streamNorm['Post-LN']!.slice(1);
      const postSpread = Math.max(...post) / Math.min(...post);
      return {
        holds: noNorm >= 1.5 && pre >= 1.5 && postSpread <= 1.01,
        detail: `stream norm after the last block / after the first: ${fmt(noNorm)} without norm, ${fmt(pre)} with Pre-LN (each must be ≥ 1.5); Post-LN's largest/smallest over blocks ${fmt(postSpread)} (must be ≤ 1.01)`,
      };
    },
  },
];
