// Claims measured by E4 (addition vs concatenation + projection vs highway vs none).
import type { E4Measurements } from './experiment';
import { fmt, mean } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const byConnection = (m: E4Measurements, c: string) => m.results.find((r) => r.connection === c)!;

export const claims: Claim<E4Measurements>[] = [
  {
    id: 'e4-concat-costs-parameters',
    statement: 'Concatenation + projection adds 2·d² weights (and d biases) per sublayer over addition, which adds none.',
    experiment: 'e4',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const d = m.dModel;
      const concat = byConnection(m, 'concat').parameters;
      const add = byConnection(m, 'residual').parameters;
      const none = byConnection(m, 'none').parameters;
      const extraPerSublayer = (concat - add) / m.sublayers;
      return {
        holds: extraPerSublayer === 2 * d * d + d && add === none,
        detail: `counted weights: ${concat} with concatenation, ${add} with addition, ${none} with no connection; concatenation adds ${fmt(extraPerSublayer)} per sublayer (2·d² + d = ${2 * d * d + d} at d = ${d}), addition adds ${add - none}`,
      };
    },
  },
  {
    id: 'e4-addition-trains-no-slower',
    statement: 'Addition reaches the target loss in no more steps than concatenation + projection (mean over seeds).',
    experiment: 'e4',
    params: {},
    seeds: [1, 2, 3],
    mode: 'mean-over-seeds',
    predicate(runs) {
      // A run that never reaches the target counts as infinitely slow.
      const steps = (c: string) => runs.map((m) => byConnection(m, c).stepsToTarget ?? Infinity);
      const add = steps('residual');
      const concat = steps('concat');
      return {
        holds: add.every(Number.isFinite) && mean(add) <= mean(concat),
        detail: `steps to loss ${fmt(runs[0]!.targetLoss)}: addition ${add.map(fmt).join(', ')} (mean ${fmt(mean(add))}), concatenation ${concat.map(fmt).join(', ')} (mean ${fmt(mean(concat))}); addition must reach it on every seed, in no more steps on average`,
      };
    },
  },
];
