// Claims measured by E4 (addition vs concatenation + projection, its projection started at random or at [I; I]).
// The parameter count of concatenation (2d² + d per sublayer) is true by construction: a unit test checks it
// (tests/unit/lab/params.test.ts), not a claim.
import type { E4Measurements } from './experiment';
import { fmt, mean } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const byConnection = (m: E4Measurements, c: string) => m.results.find((r) => r.connection === c)!;
/** Steps to the target per seed; a run that does not reach it within the budget counts as infinitely slow. */
const steps = (runs: E4Measurements[], c: string) => runs.map((m) => byConnection(m, c).stepsToTarget ?? Infinity);
/** d 64 and 8 layers: one seed only, because each run trains up to 700 steps for every merge (about 20 minutes). */
const LARGER = { label: 'd 64, 8 layers (one seed)', params: { width: 64, layers: 8 }, seeds: [1] };
const SHORT = { params: { steps: 50 }, why: 'in 50 steps no merge reaches loss 1, so there are no steps to compare' };

export const claims: Claim<E4Measurements>[] = [
  {
    id: 'e4-addition-trains-no-slower',
    statement:
      'With its projection started from random weights, concatenation + projection needs more steps than addition to reach training loss 1 in the 4-layer Pre-LN decoder (mean of 5 seeds; addition must reach it on every seed), and at d 64 with 8 layers (one seed).',
    experiment: 'e4',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'mean-over-seeds',
    figure: 'mean steps to loss 1 of concatenation from random weights, as a multiple of addition’s',
    counterRuns: [SHORT],
    scales: [LARGER],
    predicate(runs) {
      const add = steps(runs, 'residual');
      const concat = steps(runs, 'concat (random)');
      const ratio = mean(concat) / mean(add);
      return {
        holds: add.every(Number.isFinite) && ratio > 1,
        value: ratio,
        detail: `steps to loss ${fmt(runs[0]!.targetLoss)} within ${runs[0]!.steps}: addition ${add.map(fmt).join(', ')} (mean ${fmt(mean(add))}), concatenation from random weights ${concat.map(fmt).join(', ')} (mean ${fmt(mean(concat))}): ${fmt(ratio)}× (must be > 1, and addition must reach it on every seed)`,
      };
    },
  },
  {
    id: 'e4-identity-concat-matches-addition',
    statement:
      'Started at [I; I], where it computes exactly x + F(x), concatenation + projection reaches training loss 1 in about as many steps as addition in the 4-layer, d 32 decoder: its mean over 5 seeds is within 25% of addition’s (both must reach it on every seed). At this size the extra weights neither help nor hurt, and what slowed the random projection down was its start. It stops there: at d 64 and 8 layers (one seed), concatenation started at [I; I] does not reach loss 1 within the 700 steps, while addition does.',
    experiment: 'e4',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'mean-over-seeds',
    figure: 'mean steps to loss 1 of concatenation started at [I; I], as a multiple of addition’s',
    counterRuns: [SHORT],
    scales: [
      {
        ...LARGER,
        limit: 'at d 64 and 8 layers, concatenation started at [I; I] does not reach loss 1 within the 700 steps, while addition does',
      },
    ],
    predicate(runs) {
      const add = steps(runs, 'residual');
      const identity = steps(runs, 'concat ([I; I])');
      const ratio = mean(identity) / mean(add);
      return {
        holds: add.every(Number.isFinite) && identity.every(Number.isFinite) && Math.abs(ratio - 1) <= 0.25,
        value: ratio,
        detail: `steps to loss ${fmt(runs[0]!.targetLoss)} within ${runs[0]!.steps}: addition ${add.map(fmt).join(', ')} (mean ${fmt(mean(add))}), concatenation started at [I; I] ${identity.map(fmt).join(', ')} (mean ${fmt(mean(identity))}): ${fmt(ratio)}× (must be within 0.75–1.25, both reaching it on every seed)`,
      };
    },
  },
];
