// Claims measured by E13 (BatchNorm in a decoder). That LayerNorm (and RMSNorm) under the causal mask make a
// token's output independent of the other sequences, of the batch size and of its own later tokens is true
// by construction: a unit test (tests/unit/lab/norms.test.ts), and LayerNorm is each claim's counter-run.
import type { E13Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
const AT_INIT = { norms: 'BatchNorm', steps: 0 };
const LAYER_NORM = {
  params: { norms: 'LayerNorm' },
  why: 'LayerNorm normalizes each token over its own features, so nothing of another token reaches it',
};

export const claims: Claim<E13Measurements>[] = [
  {
    id: 'e13-bn-depends-on-batch',
    statement:
      'In a fresh 2-layer Pre-LN decoder with BatchNorm in place of LayerNorm (statistics over every token of the batch of 32), redrawing the other 31 sequences of a batch changes one sequence’s logits by more than 5% of their size, and running that sequence alone changes them by more than 20%.',
    experiment: 'e13',
    params: AT_INIT,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'relative change of one sequence’s logits when the other sequences of its batch are redrawn',
    counterRuns: [LAYER_NORM],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 } }],
    predicate(m) {
      const bn = Object.values(m.norms);
      const others = Math.min(...bn.map((n) => n.otherSequences));
      const alone = Math.min(...bn.map((n) => n.bySize[0]!));
      return {
        holds: bn.length > 0 && others > 0.05 && alone > 0.2,
        value: others,
        detail: `‖Δ logits‖/‖logits‖ with the other ${m.batchSize - 1} sequences redrawn: ${fmt(others)} (must be > 0.05); run alone: ${fmt(alone)} (must be > 0.2)`,
      };
    },
  },
  {
    id: 'e13-bn-leaks-future',
    statement:
      'In the same fresh decoder with BatchNorm and the causal mask, changing only the last input token of one sequence changes that sequence’s logits at every earlier position, by more than a thousandth of their size, in a batch of 32: a later token reaches earlier positions through the batch statistics.',
    experiment: 'e13',
    params: AT_INIT,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'smallest relative change of an earlier position’s logits when only the last input token changes',
    counterRuns: [LAYER_NORM],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 } }],
    predicate(m) {
      const changes = Object.values(m.norms).flatMap((n) => n.laterToken);
      const smallest = Math.min(...changes);
      return {
        holds: changes.length > 0 && smallest > 1e-3,
        value: smallest,
        detail: `‖Δ logits‖/‖logits‖ at the ${changes.length} earlier positions: smallest ${fmt(smallest)}, largest ${fmt(Math.max(...changes))} (each must be > 1e-3)`,
      };
    },
  },
  {
    id: 'e13-bn-worse-alone',
    statement:
      'After 80 training steps in batches of 32, the 2-layer decoder with BatchNorm has learned the task (held-out loss below 1 nat when run in batches of 32), and its held-out loss run one sequence at a time (BatchNorm then takes its statistics from that sequence’s tokens alone) is more than 10% higher.',
    experiment: 'e13',
    params: { norms: 'BatchNorm' },
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'held-out loss run one sequence at a time over the loss run in batches of 32',
    counterRuns: [LAYER_NORM],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 } }],
    predicate(m) {
      const n = Object.values(m.norms);
      const inBatches = Math.max(...n.map((x) => x.heldOutInBatches ?? NaN));
      const ratio = Math.min(...n.map((x) => (x.heldOutAlone ?? NaN) / (x.heldOutInBatches ?? NaN)));
      return {
        holds: n.length > 0 && inBatches < 1 && ratio > 1.1,
        value: ratio,
        detail: `held-out loss in batches of ${m.batchSize}: ${fmt(inBatches)} (must be < 1); one sequence at a time / in batches: ${fmt(ratio)} (must be > 1.1)`,
      };
    },
  },
  {
    id: 'e13-bn-running-stats',
    statement:
      'With running statistics instead (each BatchNorm’s batch mean and variance averaged over 20 batches of 32 after training, standing in for the batch at inference), the same trained decoder’s held-out loss run one sequence at a time is no more than 10% above its loss in batches of 32, while with the statistics of the sequence alone it is more than 10% above.',
    experiment: 'e13',
    params: { norms: 'BatchNorm' },
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'held-out loss one sequence at a time with running statistics over the loss in batches of 32',
    counterRuns: [
      {
        params: { norms: 'LayerNorm' },
        why: 'LayerNorm has no batch statistics: one sequence at a time computes what a batch computes, so there is no gap for running statistics to close',
      },
    ],
    scales: [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 } }],
    predicate(m) {
      const n = Object.values(m.norms);
      const ratio = (x: number | undefined, y: number | undefined) => (x ?? NaN) / (y ?? NaN);
      const running = Math.max(...n.map((x) => ratio(x.heldOutRunning, x.heldOutInBatches)));
      const own = Math.min(...n.map((x) => ratio(x.heldOutAlone, x.heldOutInBatches)));
      return {
        holds: n.length > 0 && running <= 1.1 && own > 1.1,
        value: running,
        detail: `held-out loss one sequence at a time over the loss in batches of ${m.batchSize}: with running statistics ${fmt(running)} (must be ≤ 1.1), with the sequence’s own statistics ${fmt(own)} (must be > 1.1)`,
      };
    },
  },
];
