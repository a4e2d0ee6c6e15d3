// Claims measured by E15 (cross-attention in the original encoder–decoder, toy translation SVO → SOV).
import type { E15Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

/** The last decoder block's cross-attention map after training, [target][source]. */
const lastCross = (m: E15Measurements) => m.after[`dec.${m.layers - 1}.cross`];

/** Mean over target positions of the weight on the source word each translates. */
const alignedShare = (map: number[][], alignment: number[]) => map.reduce((a, row, t) => a + row[alignment[t]!]!, 0) / map.length;

const LOW_LR = {
  params: { lr: 0.00001 },
  why: 'at a learning rate 300 times smaller the model barely moves in 200 steps, so its attention stays near uniform',
};

/** Target positions whose largest weight is on the source word they translate. */
const alignedArgmax = (map: number[][], alignment: number[]) =>
  map.filter((row, t) => row.indexOf(Math.max(...row)) === alignment[t]).length;

// Post-LN without warmup did not train reliably at this depth at the default learning rate of 0.003 (a probe
// before the claims were written, not stored: held-out accuracy 0.5 to 0.87 after 300 steps on seeds 1 to 5),
// so the larger model runs at 0.001, for 300 steps; the page says it runs at a lower rate and points to why.
const SCALE = { label: 'd 64, 4 + 4 layers, learning rate 0.001, 300 steps', params: { width: 64, layers: 4, lr: 0.001, steps: 300 } };

export const claims: Claim<E15Measurements>[] = [
  {
    id: 'e15-cross-attention-aligns',
    statement:
      "After 200 training steps on the toy translation, the last decoder block's cross-attention puts its largest weight on the source word that the target position translates, at four or more of the five target positions.",
    experiment: 'e15',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'each-seed',
    figure: 'target positions (of 5) whose largest weight is on the source word they translate, last decoder block',
    counterRuns: [LOW_LR],
    scales: [SCALE],
    predicate(m) {
      const map = lastCross(m);
      const hits = map ? alignedArgmax(map, m.alignment) : 0;
      const share = map ? alignedShare(map, m.alignment) : NaN;
      return {
        holds: m.status === 'done' && hits >= 4,
        value: hits,
        detail: `training ${m.status}; largest weight on the aligned source word at ${hits} of ${m.alignment.length} target positions after ${m.steps} steps (must be ≥ 4); mean weight there ${fmt(share)}, at initialization ${fmt(alignedShare(m.before[`dec.${m.layers - 1}.cross`] ?? [[NaN]], m.alignment))} (not checked); held-out accuracy ${fmt(m.accuracy)} (not checked)`,
      };
    },
  },
  {
    id: 'e15-verb-read-from-middle',
    statement:
      'After the same training, the last target position, the verb, puts its largest cross-attention weight on the source verb in the middle of the sentence, not on the last source word: the attention follows the change of word order.',
    experiment: 'e15',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'each-seed',
    figure: "last target position's weight on the source verb, last decoder block",
    counterRuns: [LOW_LR],
    scales: [SCALE],
    predicate(m) {
      const row = lastCross(m)?.at(-1) ?? [];
      const onVerb = row[2] ?? NaN;
      const largest = row.indexOf(Math.max(...row));
      return {
        holds: m.status === 'done' && largest === 2,
        value: onVerb,
        detail: `training ${m.status}; the last target position's largest weight is on source word ${largest + 1} of ${row.length} (must be 3, the verb); weight on the verb ${fmt(onVerb)}, on the last source word ${fmt(row.at(-1) ?? NaN)}`,
      };
    },
  },
];
