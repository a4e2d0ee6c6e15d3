// Claims measured by E5 (lesion: delete one block after training). Only the residual model is checked: a stack
// without residuals of the same depth did not train to a comparable accuracy (see experiment.ts), so there is no
// fair lesion comparison with it.
import type { E5Measurements } from './experiment';
import { fmt, fmtList } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};

export const claims: Claim<E5Measurements>[] = [
  {
    id: 'e5-residual-blocks-deletable',
    statement:
      'A 6-block residual (Pre-LN) decoder trained on reverse until its training loss is below 0.05 mostly survives losing one block: deleting the median block keeps at least three quarters of its held-out accuracy. But not every block can go: deleting the worst one costs at least 30% of it.',
    experiment: 'e5',
    params: {},
    seeds: [1, 2, 3, 4, 5],
    mode: 'each-seed',
    figure: 'median over blocks of the accuracy with that block deleted, as a fraction of the intact accuracy',
    counterRuns: [
      { params: { layers: 2 }, why: 'with only 2 blocks each one carries too much of the work for the median deletion to be harmless' },
    ],
    // One seed at the larger scale: a 12-layer d 64 training plus 12 lesioned evaluations is slow in WASM.
    scales: [{ label: 'd 64, 12 layers', params: { width: 64, layers: 12 }, seeds: [1, 2, 3] }],
    predicate(m) {
      const r = m.accuracy['residual (Pre-LN)']!;
      const mid = median(r.lesioned) / r.intact;
      const worst = Math.min(...r.lesioned) / r.intact;
      const worstBlock = r.lesioned.indexOf(Math.min(...r.lesioned)) + 1;
      return {
        holds: r.stepsToTarget !== null && mid >= 0.75 && worst <= 0.7,
        value: mid,
        detail: `${r.stepsToTarget === null ? `target loss ${m.targetLoss} not reached in ${m.steps} steps (must be)` : `target loss ${m.targetLoss} reached at step ${r.stepsToTarget} of ${m.steps}`}; accuracy ${fmt(r.intact)} intact, ${fmtList(r.lesioned)} with block 1…${m.layers} deleted: median ${fmt(mid)} of intact (must be ≥ 0.75), worst ${fmt(worst)} of intact, block ${worstBlock} (must be ≤ 0.7)`,
      };
    },
  },
];
