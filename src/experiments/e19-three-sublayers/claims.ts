// Claims measured by E19 (the encoder–decoder on the toy translation; Post-LN as in Vas17, Pre-LN, and Post-LN with the
// residual removed around one decoder sublayer). Gradients are at initialization, on one batch; "loss after 50 steps"
// is the mean training loss over steps 41–50, the same steps for every variant.
import type { E19Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
const PAPER = 'Post-LN (the paper)';
const CROSS = { without: 'cross-attention' };
const SCALE = [{ label: 'd 64, 4 + 4 layers, learning rate 0.001', params: { width: 64, layers: 4, lr: 0.001 } }];
const FFN_INSTEAD = {
  params: { without: 'feed-forward' },
  why: 'with the residual removed around the feed-forward network instead, the self-attention of the first decoder block keeps most of its gradient, and training is not slowed by half',
};

/** The one run without a residual, and its name. */
function ablated(m: E19Measurements): [string, E19Measurements['runs'][string]] {
  const entry = Object.entries(m.runs).find(([name]) => name.startsWith('no residual'));
  if (!entry) throw new Error('no run without a residual');
  return entry;
}
const lateLoss = (loss: number[]) => loss.slice(-10).reduce((a, b) => a + b, 0) / Math.min(10, loss.length);

export const claims: Claim<E19Measurements>[] = [
  {
    id: 'e19-cross-residual-carries-gradient',
    statement:
      'In the paper’s Post-LN encoder–decoder (2 + 2 layers, width 32), removing the residual around the decoder’s cross-attention cuts the gradient that reaches the first decoder block’s self-attention at initialization to less than a tenth of what it is with the residual, from the same seed.',
    experiment: 'e19',
    params: { ...CROSS, train: false }, // the gradients at initialization alone: the predicate reads nothing else
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'first decoder block’s self-attention gradient without the cross-attention residual over with it',
    counterRuns: [FFN_INSTEAD],
    scales: SCALE,
    predicate(m) {
      const [name, run] = ablated(m);
      const [g, paper] = [run.gradientAtInit.self![0]!, m.runs[PAPER]!.gradientAtInit.self![0]!];
      const q = g / paper;
      return {
        holds: q < 0.1,
        value: q,
        detail: `‖∂L/∂θ‖ of block 1’s self-attention at initialization: ${PAPER} ${fmt(paper)}, ${name} ${fmt(g)}; ratio ${fmt(q)} (must be < 0.1)`,
      };
    },
  },
  {
    id: 'e19-cross-residual-speeds-training',
    statement:
      'Trained for 50 steps from the same seed, the same encoder–decoder without the residual around its cross-attention ends with a training loss (mean over steps 41–50) at least 1.5 times that of the paper’s layer.',
    experiment: 'e19',
    params: CROSS,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'training loss after 50 steps without the cross-attention residual over with it',
    counterRuns: [FFN_INSTEAD],
    scales: SCALE,
    predicate(m) {
      const [name, run] = ablated(m);
      const [l, paper] = [lateLoss(run.loss), lateLoss(m.runs[PAPER]!.loss)];
      const q = l / paper;
      return {
        holds: q >= 1.5,
        value: q,
        detail: `training loss over the last 10 steps: ${PAPER} ${fmt(paper)}, ${name} ${fmt(l)}; ratio ${fmt(q)} (must be ≥ 1.5)`,
      };
    },
  },
  {
    id: 'e19-pre-ln-ahead-after-50-steps',
    statement:
      'In the same encoder–decoder, Pre-LN ends the 50 steps with a training loss (mean over steps 41–50) below 0.8 times that of the paper’s Post-LN, from the same seed.',
    experiment: 'e19',
    params: CROSS,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'training loss after 50 steps with Pre-LN over with Post-LN',
    counterRuns: [
      {
        params: { ...CROSS, lr: 0.0001 },
        why: 'at learning rate 0.0001 neither arrangement has gone far from its starting loss by step 50, and the two end within 0.8 times of each other',
      },
    ],
    scales: SCALE,
    predicate(m) {
      const [pre, post] = [lateLoss(m.runs['Pre-LN']!.loss), lateLoss(m.runs[PAPER]!.loss)];
      const q = pre / post;
      return {
        holds: q < 0.8,
        value: q,
        detail: `training loss over the last 10 steps: Post-LN ${fmt(post)}, Pre-LN ${fmt(pre)}; ratio ${fmt(q)} (must be < 0.8)`,
      };
    },
  },
];
