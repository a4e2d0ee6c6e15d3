// Claims measured by E11 (gradients at initialization, by depth). Both read the input-to-top ratio of the stream
// gradient, ‖∂L/∂x₀‖/‖∂L/∂x_L‖: the factor by which the gradient's size changes between the top of the stack and
// its input. Post-LN's is a product of one factor per sublayer with no identity term (Wan19 §2.2, Eq. 5), so the
// claim about it is over seeds: its typical size (geometric mean) and its spread (standard deviation of the log).
import type { E11Measurements } from './experiment';
import { fmt, fmtList, mean } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const SCALE = [{ label: 'd 64, depths 12 to 48', params: { width: 64, depths: [12, 24, 48] } }];

/** Standard deviation (n − 1) of the natural log. */
function logSd(xs: readonly number[]): number {
  const logs = xs.map(Math.log);
  const m = mean(logs);
  return Math.sqrt(logs.reduce((a, l) => a + (l - m) ** 2, 0) / (logs.length - 1));
}
const geoMean = (xs: readonly number[]) => Math.exp(mean(xs.map(Math.log)));

export const claims: Claim<E11Measurements>[] = [
  {
    id: 'e11-preln-gradient-grows-toward-input',
    statement:
      'At initialization, in the Pre-LN decoder, the gradient reaching the stream at the input is larger than the gradient leaving the last block at every depth of the sweep (6, 12 and 24 layers), and that ratio grows with depth: at the deepest stack it is at least 1.5 times what it is at the shallowest.',
    experiment: 'e11',
    params: {},
    seeds: TEN,
    mode: 'each-seed',
    figure: 'Pre-LN’s input-to-top ratio ‖∂L/∂x₀‖/‖∂L/∂x_L‖ at the deepest stack over the shallowest',
    counterRuns: [{ params: { depths: [12, 13] }, why: 'one more block on top of twelve changes the ratio far less than 1.5 times' }],
    scales: SCALE,
    predicate(m) {
      const r = m.inputToTop['pre-ln']!;
      const growth = r.at(-1)! / r[0]!;
      return {
        holds: r.every((x) => x > 1) && growth >= 1.5,
        value: growth,
        detail: `Pre-LN ‖∂L/∂x₀‖/‖∂L/∂x_L‖ at depths ${fmtList(m.depths)}: ${fmtList(r)} (each must be > 1); deepest over shallowest ${fmt(growth)} (must be ≥ 1.5)`,
      };
    },
  },
  {
    id: 'e11-postln-ratio-spreads-not-shrinks',
    statement:
      'At initialization, the Post-LN decoder’s input-to-top ratio of the stream gradient does not shrink systematically as the stack gets deeper: over ten seeds its geometric mean stays between 1/2 and 2 at every depth of the sweep (6, 12 and 24 layers). What grows with depth is its spread from one initialization to the next: the standard deviation of its logarithm over the ten seeds is at the deepest stack at least twice what it is at the shallowest, and at the deepest stack the ratio is below one on some seeds and above one on others.',
    experiment: 'e11',
    params: {},
    seeds: TEN,
    mode: 'mean-over-seeds',
    figure: 'standard deviation over seeds of log(Post-LN’s input-to-top ratio), deepest stack over shallowest',
    counterRuns: [
      {
        params: { depths: [6, 7] },
        seeds: [1, 2, 3],
        why: 'one more block on top of six spreads the ratio far less than twice as much',
      },
    ],
    scales: SCALE,
    predicate(runs) {
      const depths = runs[0]!.depths;
      const byDepth = depths.map((_, i) => runs.map((m) => m.inputToTop['post-ln']![i]!));
      const typical = byDepth.map(geoMean);
      const spread = byDepth.map(logSd);
      const widening = spread.at(-1)! / spread[0]!;
      const [smallest, largest] = [Math.min(...byDepth.at(-1)!), Math.max(...byDepth.at(-1)!)];
      return {
        holds: typical.every((g) => g >= 0.5 && g <= 2) && widening >= 2 && smallest < 1 && largest > 1,
        value: widening,
        detail: `Post-LN ‖∂L/∂x₀‖/‖∂L/∂x_L‖ over ${runs.length} seeds at depths ${fmtList(depths)}: geometric mean ${fmtList(typical)} (each must be within [0.5, 2]); standard deviation of its log ${fmtList(spread)}, deepest over shallowest ${fmt(widening)} (must be ≥ 2); smallest and largest at the deepest ${fmt(smallest)} (must be < 1) and ${fmt(largest)} (must be > 1)`,
      };
    },
  },
];
