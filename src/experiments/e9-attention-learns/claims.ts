// Claims measured by E9 (the attention weights are learned).
import type { E9Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

export const claims: Claim<E9Measurements>[] = [
  {
    id: 'e9-attention-weights-learn',
    // No check of the gradient at initialization: every weight the loss depends on gets a non-zero gradient by
    // construction. Nor of the cost of freezing them: it was ≥ 0.05 on only 4 of 5 seeds at d 32, 2 layers, and
    // about 0 at d 64, 4 layers (verification of a5c8404), so it is shown in the chart, not claimed.
    statement:
      'After 150 training steps on reverse, each of W^Q, W^K, W^V and W^O in every block has moved from its initial value by more than 5% of its norm.',
    experiment: 'e9',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'each-seed',
    figure: 'smallest relative change ‖W − W₀‖/‖W₀‖ over the attention matrices',
    counterRuns: [{ params: { lr: 0.00001 }, why: 'at a learning rate 300 times smaller the weights barely move in 150 steps' }],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 } }],
    predicate(m) {
      const changes = Object.values(m.relativeChange).flatMap((b) => Object.values(b));
      const smallestChange = Math.min(...changes);
      return {
        holds: changes.length === 4 * m.layers && smallestChange > 0.05,
        value: smallestChange,
        detail: `smallest relative change ‖W − W₀‖/‖W₀‖ of the ${changes.length} attention matrices after ${m.steps} steps ${fmt(smallestChange)} (must be > 0.05); accuracy ${fmt(m.accuracy['trained']!)} trained vs ${fmt(m.accuracy['frozen']!)} with them frozen (not checked)`,
      };
    },
  },
];
