// Claims measured by E1 (gradients at initialization). The first three read the stream gradient ‖∂L/∂x_l‖
// (what reaches a block from above); the depth sweep reads the last block's weight gradient, the quantity
// Xiong et al. analyse.
import type { E1Measurements } from './experiment';
import { fmt, fmtList, meanCurve } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

/** ‖∂L/∂x‖ entering the first block over ‖∂L/∂x‖ leaving the last: < 1 the gradient shrinks on its way down, > 1 it grows. */
const inputToTop = (m: E1Measurements, variant: string) => m.streamGradient[variant]![0]! / m.streamGradient[variant]!.at(-1)!;
const SEEDS = [1, 2, 3, 4, 5];
const SCALE = [{ label: 'd 64, 24 layers', params: { width: 64, layers: 24 } }];
const SHALLOW = {
  params: { layers: 2 },
  why: 'over two blocks the product of block Jacobians is too short to shrink or grow the gradient that much',
};

export const claims: Claim<E1Measurements>[] = [
  {
    id: 'e1-no-residual-vanishes',
    statement:
      'At initialization, in a 12-layer stack with neither residual connections nor normalization, the gradient reaching the stream at the input, ‖∂L/∂x₀‖, is less than 1/100 of the gradient leaving the last block; with LayerNorm alone, still without residuals, it stays above 1/10 of it.',
    experiment: 'e1',
    params: { layers: 12 },
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'input-to-top ratio of the stream gradient ‖∂L/∂x₀‖/‖∂L/∂x_L‖ with neither residual nor norm',
    counterRuns: [SHALLOW],
    scales: SCALE,
    predicate(m) {
      const plain = inputToTop(m, 'neither');
      const normOnly = inputToTop(m, 'norm-no-residual');
      return {
        holds: plain < 0.01 && normOnly > 0.1,
        value: plain,
        detail: `‖∂L/∂x₀‖/‖∂L/∂x_${m.layers}‖: ${fmt(plain)} with neither residual nor norm (must be < 0.01), ${fmt(normOnly)} with LayerNorm only (must be > 0.1)`,
      };
    },
  },
  {
    id: 'e1-residual-without-norm-explodes',
    statement:
      'At initialization, with residual connections but no normalization, the gradient reaching the stream at the input of a 12-layer stack is more than 1,000 times the gradient leaving its last block; with Pre-LN or Post-LN it stays within a factor of 10 of it: the residual alone does not stop the gradient from growing on its way down.',
    experiment: 'e1',
    params: { layers: 12 },
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'input-to-top ratio of the stream gradient ‖∂L/∂x₀‖/‖∂L/∂x_L‖ with residual and no norm',
    counterRuns: [SHALLOW],
    scales: SCALE,
    predicate(m) {
      const unnormed = inputToTop(m, 'residual-no-norm');
      const normed = { 'Post-LN': inputToTop(m, 'post-ln'), 'Pre-LN': inputToTop(m, 'pre-ln') };
      const within10 = Object.values(normed).every((r) => r >= 0.1 && r <= 10);
      return {
        holds: unnormed > 1000 && within10,
        value: unnormed,
        detail: `‖∂L/∂x₀‖/‖∂L/∂x_${m.layers}‖: ${fmt(unnormed)} with residual, no norm (must be > 1000); Post-LN ${fmt(normed['Post-LN'])}, Pre-LN ${fmt(normed['Pre-LN'])} (each must be within [0.1, 10])`,
      };
    },
  },
  {
    id: 'e1-postln-gradient-like-no-residual',
    statement:
      'At initialization, the input-to-top ratio of the stream gradient, ‖∂L/∂x₀‖/‖∂L/∂x_L‖, of the 12-layer Post-LN stack is within a factor of 10 of that of the same stack with LayerNorm and no residual at all: with the norm on the main path, the skips barely change how the gradient’s size changes from the top to the input. Without any norm, adding the skips changes that ratio by more than a factor of 1,000 (residual without norm against neither).',
    experiment: 'e1',
    params: { layers: 12 },
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'factor between the input-to-top ratios of Post-LN and of LayerNorm without residual (larger over smaller)',
    counterRuns: [SHALLOW],
    scales: SCALE,
    predicate(m) {
      const [post, normOnly] = [inputToTop(m, 'post-ln'), inputToTop(m, 'norm-no-residual')];
      const withNorm = Math.max(post / normOnly, normOnly / post);
      const withoutNorm = inputToTop(m, 'residual-no-norm') / inputToTop(m, 'neither');
      return {
        holds: withNorm <= 10 && withoutNorm > 1000,
        value: withNorm,
        detail: `input-to-top ratio: Post-LN ${fmt(post)}, LayerNorm without residual ${fmt(normOnly)} (factor ${fmt(withNorm)}, must be ≤ 10); residual without norm / neither ${fmt(withoutNorm)} (must be > 1000)`,
      };
    },
  },
  {
    id: 'e1-preln-last-layer-falls-with-depth',
    statement:
      "At initialization, in Pre-LN, the last block's weight gradient falls as the stack gets deeper (by more than 20% from the shallowest to the deepest stack of the sweep), while Post-LN's does not fall and stays above it at every depth (mean over 10 seeds).",
    experiment: 'e1',
    params: { layers: 12 },
    seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    mode: 'mean-over-seeds',
    figure: "Pre-LN's mean last-block weight gradient at the deepest stack over the shallowest",
    counterRuns: [{ params: { depths: [8, 9] }, why: 'one more block on top of eight grows the Pre-LN stream too little for a 20% fall' }],
    scales: [{ label: 'd 64, depths 2 to 24', params: { width: 64, depths: [2, 4, 8, 16, 24] } }],
    predicate(runs) {
      const pre = meanCurve(runs.map((m) => m.lastLayer['pre-ln']));
      const post = meanCurve(runs.map((m) => m.lastLayer['post-ln']));
      const depths = runs[0]!.depths;
      const preFall = pre.at(-1)! / pre[0]!;
      const postDoesNotFall = post.at(-1)! >= post[0]!;
      const below = pre.every((p, i) => p < post[i]!);
      return {
        holds: preFall < 0.8 && postDoesNotFall && below,
        value: preFall,
        detail: `mean last-block weight gradient at depths ${fmtList(depths)} over ${runs.length} seeds: Pre-LN ${fmtList(pre)} (deepest/shallowest ${fmt(preFall)}, must be < 0.8), Post-LN ${fmtList(post)} (deepest must be ≥ shallowest; above Pre-LN at every depth)`,
      };
    },
  },
];
