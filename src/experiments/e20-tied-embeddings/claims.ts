// Claims measured by E20 (the encoder–decoder on the toy translation, with its own output matrix and with the output
// projection tied to the embedding table). "Steps to the target" is the first step at which the mean training loss
// of the last 5 steps is below it; both models train on the same batches from the same seed.
import type { E20Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
/** Tying counts as neither helping nor hurting when the steps are within this factor of each other, either way. */
const FACTOR = 1.5;
/** At initialization: the given token counts as "near the top" when on average fewer than this many tokens score above it. */
const TOP = 2;

// The claim at initialization comes first: the claims suite re-runs a sample of the first claim's larger scale whose
// stored run is cheap, and its scale costs no training.
export const claims: Claim<E20Measurements>[] = [
  {
    id: 'e20-tied-starts-on-input-token',
    statement:
      'In the Pre-LN encoder–decoder (2 + 2 layers, width 32), before any training, the tied output layer scores the token the decoder was given near the top: averaged over the decoder’s positions, fewer than 2 of the other 27 tokens score above it, while with its own output matrix more than 5 do, from the same seed.',
    experiment: 'e20',
    params: { norm: 'Pre-LN', steps: 0 },
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'tokens scoring above the decoder’s input token at initialization, tied model (mean over positions)',
    counterRuns: [
      {
        params: { norm: 'Post-LN', steps: 0 },
        why: 'in Post-LN, where each sublayer’s sum is normalized before the next, the tied model does not rank the given token that high at initialization',
      },
    ],
    scales: [{ label: 'd 64, 4 + 4 layers', params: { norm: 'Pre-LN', steps: 0, width: 64, layers: 4 } }],
    predicate(m) {
      // The norm placement of the run's configuration (both are measured at initialization).
      const at = m.init[m.norm]!;
      const [u, t] = [at.untied!.inputRank, at.tied!.inputRank];
      return {
        holds: t < TOP && u > 5,
        value: t,
        detail: `${m.norm}: tokens scoring above the given token (mean over positions): tied ${fmt(t)} (must be < ${TOP}), untied ${fmt(u)} (must be > 5); ranked first: tied ${fmt(at.tied!.inputFirst)}, untied ${fmt(at.untied!.inputFirst)} of positions`,
      };
    },
  },
  {
    id: 'e20-tying-neither-slows-nor-speeds',
    statement:
      'In the Post-LN encoder–decoder (2 + 2 layers, width 32, learning rate 0.003) on the toy translation, the model whose output layer reuses the embedding table reaches a training loss of 0.1 within 1.5 times the steps of the same model with its own output matrix, either way (neither more than 1.5 times slower nor 1.5 times faster), from the same seed.',
    experiment: 'e20',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'steps to loss 0.1, tied over untied',
    counterRuns: [
      {
        params: { lr: 0.01 },
        why: 'at learning rate 0.01 the tied model does not reach 0.1 within the budget of 200 steps while the untied one does',
      },
    ],
    scales: [
      { label: 'd 64, 4 + 4 layers, learning rate 0.001, budget 400 steps', params: { width: 64, layers: 4, lr: 0.001, steps: 400 } },
    ],
    predicate(m) {
      const [u, t] = [m.runs.untied!.stepsToTarget, m.runs.tied!.stepsToTarget];
      const steps = `steps to loss ${fmt(m.targetLoss)}: untied ${u ?? `not within ${m.steps}`}, tied ${t ?? `not within ${m.steps}`}`;
      if (u === null || t === null) return { holds: false, detail: `${steps} (both must reach it)` };
      const q = t / u;
      return {
        holds: q <= FACTOR && q >= 1 / FACTOR,
        value: q,
        detail: `${steps}; ratio ${fmt(q)} (must be between ${fmt(1 / FACTOR)} and ${FACTOR})`,
      };
    },
  },
];
