// Claims measured by E8 (the residual stream by depth). That Post-LN holds every token's norm at √d at
// initialization is true by construction (γ = 1, β = 0): a unit test (tests/unit/lab/post-ln-scale.test.ts),
// not a claim.
import type { E8Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];

export const claims: Claim<E8Measurements>[] = [
  {
    id: 'e8-stream-grows-with-depth',
    statement:
      'In a fresh 12-layer stack with no norm on the stream (no norm at all, or Pre-LN, which normalizes only what enters each sublayer), the mean token norm of the stream after the last block is at least 1.5 times its norm after the first block: each block adds its own variance.',
    experiment: 'e8',
    params: { stacks: 'stream not normalized' },
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'smallest growth of the stream norm, after the last block over after the first, over the stacks measured',
    counterRuns: [
      {
        params: { stacks: 'stream normalized' },
        why: 'Post-LN and LayerNorm without residual end every block with a norm, which holds every token at one size',
      },
    ],
    scales: [{ label: 'd 64, 24 layers', params: { width: 64, layers: 24 } }],
    predicate(m) {
      // Index 0 is the input; compare the stream after the last block with the stream after the first.
      const growth = Object.entries(m.streamNorm).map(([stack, xs]) => [stack, xs.at(-1)! / xs[1]!] as const);
      const smallest = Math.min(...growth.map(([, g]) => g));
      return {
        holds: growth.length > 0 && smallest >= 1.5,
        value: smallest,
        detail: `stream norm after block ${m.layers} / after block 1: ${growth.map(([s, g]) => `${s} ${fmt(g)}`).join(', ')} (each must be ≥ 1.5)`,
      };
    },
  },
  {
    id: 'e8-postln-input-fades',
    statement:
      'In a fresh 12-layer Post-LN stack, each token’s coefficient on its own input vector, ⟨x_l, x₀⟩/⟨x₀, x₀⟩, falls at each of the first three blocks and stays below 0.25 in size over the upper half of the stack, as the norms after every add compound; in Pre-LN, where the input passes every block unscaled, it stays between 0.5 and 2 after every block.',
    experiment: 'e8',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: "largest size of Post-LN's input coefficient over the upper half of the blocks",
    counterRuns: [{ params: { layers: 2 }, why: 'two Post-LN blocks are too few norms for the input’s coefficient to fall below 0.25' }],
    scales: [{ label: 'd 64, 24 layers', params: { width: 64, layers: 24 } }],
    predicate(m) {
      const post = m.inputCoefficient['Post-LN']!;
      const pre = m.inputCoefficient['Pre-LN']!.slice(1);
      const first = post.slice(1, 4);
      const falls = first.every((c, i) => i === 0 || c < first[i - 1]!);
      const upper = post.slice(Math.floor(m.layers / 2) + 1); // blocks above the middle
      const upperMax = Math.max(...upper.map(Math.abs));
      const [preMin, preMax] = [Math.min(...pre), Math.max(...pre)];
      return {
        holds: falls && upperMax < 0.25 && preMin >= 0.5 && preMax <= 2,
        value: upperMax,
        detail: `Post-LN coefficient after blocks 1–${first.length}: ${first.map(fmt).join(', ')} (must fall at each); largest size over blocks ${m.layers - upper.length + 1}–${m.layers}: ${fmt(upperMax)} (must be < 0.25); Pre-LN between ${fmt(preMin)} and ${fmt(preMax)} (must be within [0.5, 2])`,
      };
    },
  },
];
