// Claims measured by E18 (dropout placement, on a small fixed training set of the reversal task). Every loss is
// evaluated without dropout, over the answer tokens: on the whole training set, and on held-out sequences (fresh
// draws of the task, leaving out any that is in the training set). Held-out accuracy is measured and shown, not claimed.
import type { E18Measurements, E18Run } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
const NONE = 'no dropout';
const BRANCH = 'dropout on the branch';
const STREAM = 'dropout on the stream';
const SMALL_SET = { compare: 'none · branch' };
const LARGE_SET = {
  params: { compare: 'none · branch', trainingSet: 4096, every: 150 }, // the losses at the end only: the predicate reads no other
  why: 'with 4,096 training sequences the model without dropout does not overfit, and dropout raises the held-out loss instead of lowering it',
};
const DEEP = { compare: 'branch · stream', norm: 'Pre-LN', layers: 4, rate: 0.3 };

const last = (xs: number[]) => xs[xs.length - 1]!;
const ends = (name: string, r: E18Run) => `${name}: training-set loss ${fmt(last(r.trainLoss))}, held-out ${fmt(last(r.heldOutLoss))}`;

export const claims: Claim<E18Measurements>[] = [
  {
    id: 'e18-dropout-lowers-held-out-loss',
    statement:
      'In a 2-layer Post-LN decoder of width 32 trained for 150 steps on a fixed set of 64 sequences of the reversal task, residual dropout at rate 0.1 (on each sublayer’s output, before the add) ends with a held-out loss below 0.9 times that of the same model trained from the same seed without dropout.',
    experiment: 'e18',
    params: SMALL_SET,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'held-out loss with residual dropout over held-out loss without',
    counterRuns: [LARGE_SET],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 } }],
    predicate(m) {
      const [none, branch] = [m.runs[NONE]!, m.runs[BRANCH]!];
      const q = last(branch.heldOutLoss) / last(none.heldOutLoss);
      return {
        holds: q < 0.9,
        value: q,
        detail: `${ends(NONE, none)}; ${ends(BRANCH, branch)}; held-out ratio ${fmt(q)} (must be < 0.9)`,
      };
    },
  },
  {
    id: 'e18-small-set-overfits',
    statement:
      'Without dropout, the same model ends those 150 steps with a held-out loss more than 1 nat above its loss on its own 64 training sequences: it fits the set far better than the task.',
    experiment: 'e18',
    params: SMALL_SET,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'held-out loss minus training-set loss without dropout (nats)',
    counterRuns: [LARGE_SET],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 } }],
    predicate(m) {
      const none = m.runs[NONE]!;
      const gap = last(none.heldOutLoss) - last(none.trainLoss);
      return { holds: gap > 1, value: gap, detail: `${ends(NONE, none)}; gap ${fmt(gap)} nats (must be > 1)` };
    },
  },
  {
    id: 'e18-stream-dropout-fits-worse',
    statement:
      'In a 4-layer Pre-LN decoder trained for 150 steps on the same 64 sequences with dropout at rate 0.3, dropout on the stream after each add ends with a training-set loss at least 1.75 times that of dropout on each sublayer’s output before the add, from the same seed.',
    experiment: 'e18',
    params: DEEP,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'training-set loss with dropout on the stream over with dropout on the branch',
    counterRuns: [
      {
        params: { ...DEEP, layers: 1 },
        why: 'in a 1-layer decoder the stream passes only two dropouts, and the two placements end within 1.75 times of each other',
      },
    ],
    scales: [{ label: 'd 64, 8 layers', params: { width: 64, layers: 8 } }],
    predicate(m) {
      const [branch, stream] = [m.runs[BRANCH]!, m.runs[STREAM]!];
      const q = last(stream.trainLoss) / last(branch.trainLoss);
      return {
        holds: q >= 1.75,
        value: q,
        detail: `${ends(BRANCH, branch)}; ${ends(STREAM, stream)}; training-set ratio ${fmt(q)} (must be ≥ 1.75)`,
      };
    },
  },
];
