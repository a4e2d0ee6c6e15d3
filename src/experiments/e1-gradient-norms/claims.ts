// Claims measured by E1 (gradient norms at initialization).
import type { E1Measurements } from './experiment';
import { fmt, fmtList, meanCurve } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const ratioFirstToLast = (xs: number[]) => xs[0]! / xs.at(-1)!;

export const claims: Claim<E1Measurements>[] = [
  {
    id: 'e1-no-residual-vanishes',
    statement:
      'Without residual connections or normalization, the gradient reaching the first layer of a 12-layer stack at initialization is more than ten times smaller than the gradient at its last layer; LayerNorm alone keeps the two within a factor of ten.',
    experiment: 'e1',
    params: { layers: 12 },
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const plain = ratioFirstToLast(m.perLayer['neither']!);
      const normOnly = ratioFirstToLast(m.perLayer['norm-no-residual']!);
      return {
        holds: plain < 0.1 && normOnly > 0.1,
        detail: `first/last layer gradient norm: ${fmt(plain)} with neither residual nor norm (must be < 0.1), ${fmt(normOnly)} with LayerNorm only (must be > 0.1)`,
      };
    },
  },
  {
    id: 'e1-residual-without-norm-explodes',
    statement:
      'With residual connections but no normalization, gradient norms at initialization are orders of magnitude larger than with Pre-LN or Post-LN: the residual alone does not stop explosion.',
    experiment: 'e1',
    params: { layers: 12 },
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const smallestUnnormed = Math.min(...m.perLayer['residual-no-norm']!);
      const largestNormed = Math.max(...m.perLayer['post-ln']!, ...m.perLayer['pre-ln']!);
      const ratio = smallestUnnormed / largestNormed;
      return {
        holds: ratio >= 100,
        detail: `smallest layer gradient without norm ${fmt(smallestUnnormed)} vs largest with Post-LN or Pre-LN ${fmt(largestNormed)}: ratio ${fmt(ratio)} (must be ≥ 100)`,
      };
    },
  },
  {
    id: 'e1-preln-last-layer-falls-with-depth',
    statement:
      "In Pre-LN, the last layer's gradient norm at initialization falls as the stack gets deeper, while Post-LN's does not fall and stays above it (mean over 10 seeds).",
    experiment: 'e1',
    params: { layers: 12 },
    seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    mode: 'mean-over-seeds',
    predicate(runs) {
      const pre = meanCurve(runs.map((m) => m.lastLayer['pre-ln']));
      const post = meanCurve(runs.map((m) => m.lastLayer['post-ln']));
      const depths = runs[0]!.depths;
      const preFalls = pre.at(-1)! < 0.8 * pre[0]!;
      const postDoesNotFall = post.at(-1)! >= post[0]!;
      const below = pre.every((p, i) => p < post[i]!);
      return {
        holds: preFalls && postDoesNotFall && below,
        detail: `mean last-layer gradient norm at depths ${fmtList(depths)}: Pre-LN ${fmtList(pre)} (deepest must be < 0.8 × shallowest), Post-LN ${fmtList(post)} (deepest must be ≥ shallowest; above Pre-LN at every depth)`,
      };
    },
  },
];
