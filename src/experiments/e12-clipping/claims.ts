// Claims measured by E12 (training at a high learning rate). A run "diverges" when its loss passes 10⁴ nats or
// stops being finite (the core's criterion; the lab stops the run there). Losses are the training loss at the
// first step and at the last step the run took.
import type { E12Measurements, E12Run } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
const UNCLIPPED = 'residual, no norm';
const CLIPPED = 'residual, no norm, clipped';
const PRE_LN = 'pre-ln';
const LARGER = { label: 'd 64, 16 layers', params: { width: 64, layers: 16 } };

const first = (r: E12Run) => r.loss[0]!;
const last = (r: E12Run) => r.loss[r.loss.length - 1]!;
const ended = (r: E12Run) => (r.status === 'diverged' ? `diverged at step ${r.divergedAt}` : `did not diverge in ${r.loss.length} steps`);

export const claims: Claim<E12Measurements>[] = [
  {
    id: 'e12-clipping-holds-off-divergence-small-stack',
    statement:
      'In the 8-layer residual stack of width 32 without normalization, trained with Adam at learning rate 0.01, the run without clipping diverges within 60 steps (its loss passes 10⁴ nats), and the same run with the gradient’s norm clipped at 1 does not; but the clipped run does not learn either: its loss after 60 steps is higher than at its first step. This does not carry over to a larger stack: at width 64 with 16 layers, the clipped run diverges too.',
    experiment: 'e12',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'loss of the clipped unnormalized stack at its last step over its loss at the first step',
    counterRuns: [
      {
        params: { lr: 0.03 },
        why: 'at three times the learning rate the clipped run diverges within a few steps too: with Adam a step’s size is set by the learning rate, not by the gradient’s norm',
      },
    ],
    scales: [
      {
        ...LARGER,
        limit: 'at width 64 with 16 layers the clipped run diverges at its first or second step, as the unclipped one does: this unnormalized stack’s output is so large at initialization that its loss starts far above Pre-LN’s',
      },
    ],
    predicate(m) {
      const [plain, clipped] = [m.runs[UNCLIPPED]!, m.runs[CLIPPED]!];
      const rise = last(clipped) / first(clipped);
      return {
        holds: plain.status === 'diverged' && clipped.status === 'done' && rise > 1,
        value: rise,
        detail: `without clipping: ${ended(plain)} (must diverge); clipped at ${fmt(m.clipNorm)}: ${ended(clipped)} (must not), loss ${fmt(first(clipped))} at step 1 and ${fmt(last(clipped))} at its last step (must be higher)`,
      };
    },
  },
  {
    id: 'e12-normalization-prevents-divergence',
    statement:
      'At the same learning rate and without clipping, the same stack with Pre-LN does not diverge within 60 steps: its loss at the last step is below its loss at the first, and less than a tenth of the clipped unnormalized stack’s loss at its last step, while the unnormalized stack without clipping diverges. This holds at width 64 with 16 layers too.',
    experiment: 'e12',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'training loss of the Pre-LN stack at its last step',
    counterRuns: [
      {
        params: { layers: 4 },
        why: 'a 4-layer stack without normalization does not grow large enough to diverge at this rate within 60 steps',
      },
    ],
    scales: [LARGER],
    predicate(m) {
      const [plain, clipped, pre] = [m.runs[UNCLIPPED]!, m.runs[CLIPPED]!, m.runs[PRE_LN]!];
      return {
        holds: plain.status === 'diverged' && pre.status === 'done' && last(pre) < first(pre) && last(pre) < last(clipped) / 10,
        value: last(pre),
        detail: `Pre-LN: ${ended(pre)} (must not), loss ${fmt(first(pre))} at step 1 and ${fmt(last(pre))} at its last step (must be lower, and below a tenth of the clipped stack’s ${fmt(last(clipped))}); unnormalized without clipping: ${ended(plain)} (must diverge)`,
      };
    },
  },
];
