// Claims measured by E9 (the attention weights are learned).
import type { E9Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

export const claims: Claim<E9Measurements>[] = [
  {
    id: 'e9-attention-weights-learn',
    statement:
      'W^Q, W^K, W^V and W^O receive non-zero gradients and change during training; freezing them at initialization costs accuracy.',
    experiment: 'e9',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const grads = Object.values(m.gradientsAtInit).flatMap((b) => Object.values(b));
      const changes = Object.values(m.relativeChange).flatMap((b) => Object.values(b));
      const smallestGrad = Math.min(...grads);
      const smallestChange = Math.min(...changes);
      const cost = m.accuracy['trained']! - m.accuracy['frozen']!;
      return {
        holds: grads.length === 4 * m.layers && smallestGrad > 1e-6 && smallestChange > 0.05 && cost >= 0.05,
        detail: `smallest gradient norm of the ${grads.length} attention matrices at initialization ${fmt(smallestGrad)} (must be > 1e-6); smallest relative change in training ${fmt(smallestChange)} (must be > 0.05); accuracy ${fmt(m.accuracy['trained']!)} trained vs ${fmt(m.accuracy['frozen']!)} frozen (must cost ≥ 0.05)`,
      };
    },
  },
];
