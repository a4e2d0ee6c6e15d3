// Claims measured by E17 (Post-LN at a high learning rate, loss after a fixed number of steps). The loss of a run
// is the mean of its last 5 steps; a run that diverged (loss above 10⁴ or not finite; the lab stops it there)
// counts as infinitely high. "At the floor" is within 0.1 nats of ln 8, the loss of guessing the 8 answer symbols
// uniformly: the model has learned nothing about the input.
import type { E17Measurements, E17Run } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
const endLoss = (r: E17Run) => (r.diverged ? Infinity : r.loss.slice(-5).reduce((a, b) => a + b, 0) / Math.min(5, r.loss.length));
const atFloor = (m: E17Measurements, r: E17Run) => Math.abs(endLoss(r) - m.floor) < 0.1;
const run = (m: E17Measurements, name: string) => m.runs[name]!;
const end = (m: E17Measurements, name: string) => endLoss(run(m, name));
const shown = (m: E17Measurements, names: string[]) =>
  names.map((n) => `${n} ${run(m, n).diverged ? `diverged at step ${run(m, n).loss.length}` : fmt(end(m, n))}`).join(', ');

/** At low rates Post-LN learns without warmup with either optimizer: every claim's contrast is gone. */
const LOW = {
  params: { adamLr: 0.001, sgdLr: 0.05 },
  why: 'at Adam 0.001 and SGD 0.05 Post-LN learns without warmup with either optimizer',
};
/** Twice the width and depth, at lower rates (at 0.01 and 0.2 every run of the larger model sits at the floor). */
const LARGER = { label: 'd 64, 6 layers, Adam 0.003, SGD 0.05', params: { width: 64, layers: 6, adamLr: 0.003, sgdLr: 0.05 } };
/** The same model at other rates of a grid (checked by verify-claims, like the larger scale): where each claim stops. */
const atRate = (optimizer: 'Adam' | 'SGD', lr: number, limit: string) => ({
  label: `d 32, 3 layers, ${optimizer} ${lr}`,
  params: optimizer === 'Adam' ? { adamLr: lr } : { sgdLr: lr },
  limit,
});

export const claims: Claim<E17Measurements>[] = [
  {
    id: 'e17-adam-2k-is-not-warmup',
    statement:
      'Estimating Adam’s second moment before the first update does not do what a warmup does. In the 3-layer Post-LN decoder of width 32 trained with Adam at learning rate 0.01, the run whose second moment was first estimated from 32 batches with the weights held still (Adam-2k), then trained at the full rate, sits at the loss floor after 64 steps (within 0.1 nats of ln 8: it has learned nothing about the input); the run with a 32-step linear warmup instead ends at least 0.25 nats below it; on every one of 5 seeds. On the grid of rates checked at this size (0.001, 0.003, 0.005 and 0.01) it holds at 0.01 only: at the three lower rates Adam-2k leaves the floor too.',
    experiment: 'e17',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'loss after 64 steps of the Adam-2k run minus that of the warmup run (nats)',
    counterRuns: [LOW],
    // The cheap grid point first: the claims suite re-runs one seed of a claim's first scale when it is cheap.
    scales: [
      atRate('Adam', 0.003, 'at 0.003 Adam-2k leaves the floor: the rate is low enough for it to learn'),
      atRate('Adam', 0.005, 'at 0.005 Adam-2k leaves the floor'),
      LARGER,
    ],
    predicate(m) {
      const [twoK, warm] = [end(m, 'Post-LN, Adam-2k'), end(m, 'Post-LN, Adam, warmup')];
      const gap = twoK - warm;
      return {
        holds: atFloor(m, run(m, 'Post-LN, Adam-2k')) && gap >= 0.25,
        value: gap,
        detail: `Adam at ${fmt(m.adamLr)}, loss after ${m.steps} steps (mean of the last 5): ${shown(m, ['Post-LN, Adam, warmup', 'Post-LN, Adam-2k'])}; Adam-2k must be within 0.1 of the floor ${fmt(m.floor)} and the warmup run at least 0.25 below it (gap ${fmt(gap)})`,
      };
    },
  },
  {
    id: 'e17-sgd-postln-stuck',
    statement:
      'Post-LN’s trouble at a high rate does not need Adam. Trained with SGD with momentum 0.9 at learning rate 0.2 (an update proportional to the gradient, no adaptive rate), the same Post-LN decoder without warmup sits at the loss floor after 64 steps, while Pre-LN at the same rate ends at least 0.25 nats below the floor; on every one of 5 seeds. On the grid of rates checked at this size (0.05, 0.2 and 0.4) it holds at 0.2 only: at 0.05 Post-LN leaves the floor, and at 0.4 Pre-LN does not get 0.25 nats below it either.',
    experiment: 'e17',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'loss after 64 steps of Post-LN minus that of Pre-LN, both with SGD without warmup (nats)',
    counterRuns: [LOW],
    scales: [atRate('SGD', 0.4, 'at 0.4 Pre-LN with SGD does not get 0.25 nats below the floor either'), LARGER],
    predicate(m) {
      const [post, pre] = [end(m, 'Post-LN, SGD'), end(m, 'Pre-LN, SGD')];
      return {
        holds: atFloor(m, run(m, 'Post-LN, SGD')) && pre <= m.floor - 0.25,
        value: post - pre,
        detail: `SGD at ${fmt(m.sgdLr)}, loss after ${m.steps} steps (mean of the last 5): ${shown(m, ['Post-LN, SGD', 'Pre-LN, SGD'])}; Post-LN must be within 0.1 of the floor ${fmt(m.floor)}, Pre-LN at least 0.25 below it`,
      };
    },
  },
];
