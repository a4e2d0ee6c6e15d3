// Claims measured by E12 (training at a high learning rate, fixed number of steps). A run "diverges" when its loss
// passes 10⁴ nats or stops being finite (the core's criterion; the lab stops the run there), so a run may take
// fewer steps than asked. Each predicate's detail says, for every run, whether it diverged and when.
import type { E12Measurements, E12Run } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
const UNCLIPPED = 'residual, no norm';
const CLIPPED = 'residual, no norm, clipped';
const PRE_LN = 'pre-ln';
const LARGER = [{ label: 'd 64, 16 layers', params: { width: 64, layers: 16 } }];
const SHALLOW = {
  params: { layers: 2 },
  why: 'a 2-layer stack without normalization does not grow its stream enough for its gradient or its loss to leave Pre-LN’s range',
};

const first = (r: E12Run) => r.loss[0]!;
const last = (r: E12Run) => r.loss[r.loss.length - 1]!;
const ended = (r: E12Run) => (r.status === 'diverged' ? `diverged at step ${r.divergedAt}` : `did not diverge in ${r.loss.length} steps`);

export const claims: Claim<E12Measurements>[] = [
  {
    id: 'e12-clipping-leaves-gradient-exploded',
    statement:
      'Clipping caps each update, not the gradient: in the 8-layer residual stack of width 32 without normalization, trained with Adam at learning rate 0.01 with the gradient’s norm clipped at 1, the norm before clipping is, at every step the run takes (30, unless it diverges first), more than 100 times the largest gradient norm of the same stack with Pre-LN at the same rate; and the clipped stack’s loss at its last step is no lower than at its first.',
    experiment: 'e12',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'smallest gradient norm of the clipped unnormalized run over the largest of the Pre-LN run',
    counterRuns: [SHALLOW],
    scales: LARGER,
    predicate(m) {
      const [clipped, pre] = [m.runs[CLIPPED]!, m.runs[PRE_LN]!];
      const ratio = Math.min(...clipped.gradNorm) / Math.max(...pre.gradNorm);
      return {
        holds: ratio > 100 && last(clipped) >= first(clipped),
        value: ratio,
        detail: `clipped at ${fmt(m.clipNorm)} (${ended(clipped)}): gradient norm before clipping from ${fmt(Math.min(...clipped.gradNorm))} to ${fmt(Math.max(...clipped.gradNorm))}; Pre-LN (${ended(pre)}): at most ${fmt(Math.max(...pre.gradNorm))}; ratio ${fmt(ratio)} (must be > 100); clipped loss ${fmt(first(clipped))} at step 1 and ${fmt(last(clipped))} at its last step (must be no lower); without clipping: ${ended(m.runs[UNCLIPPED]!)}`,
      };
    },
  },
  {
    id: 'e12-normalization-keeps-loss-down',
    statement:
      'At the same learning rate and without clipping, the same stack with Pre-LN does not diverge within 30 steps; its loss at step 30 is below its loss at step 1, and less than a tenth of the clipped unnormalized stack’s loss at its last step.',
    experiment: 'e12',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'training loss of the Pre-LN stack at its last step',
    counterRuns: [SHALLOW],
    scales: LARGER,
    predicate(m) {
      const [clipped, pre] = [m.runs[CLIPPED]!, m.runs[PRE_LN]!];
      return {
        holds: pre.status === 'done' && last(pre) < first(pre) && last(pre) < last(clipped) / 10,
        value: last(pre),
        detail: `Pre-LN: ${ended(pre)} (must not diverge), loss ${fmt(first(pre))} at step 1 and ${fmt(last(pre))} at its last step (must be lower, and below a tenth of the clipped stack’s ${fmt(last(clipped))}); clipped: ${ended(clipped)}; without clipping: ${ended(m.runs[UNCLIPPED]!)}`,
      };
    },
  },
];
