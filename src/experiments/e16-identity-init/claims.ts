// Claims measured by E16 (starting at the identity instead of normalizing). That a fresh ReZero stack is the identity
// (α = 0: every branch adds exactly zero, so ‖F(x)‖/‖x‖ = 0 and the logits do not depend on depth) is true by
// construction: a unit test (tests/unit/lab/norms.test.ts), not a claim. The claims are about what is not: how much
// the stream grows at initialization with a fixed 1/√(2N) scale, and how many steps each stack needs to the target.
// The initialization claim comes first: the claims suite re-runs one seed of the first claim's larger scale when it is cheap.
import type { E16Measurements, E16Stack } from './experiment';
import { fmt, mean } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
const TRAINING_SCALES = [{ label: 'd 64, 8 layers', params: { width: 64, layers: 8 } }];
// Without α and with scale 1 both identity-started stacks are the plain x + F(x) with no norm (trained once: same model, same seed).
const PLAIN = {
  params: { rezero: false, scale: '1' },
  why: 'without α and without the scale, the stack with no norm does not reach the target within one and a half times Pre-LN’s steps',
};
const INIT = { train: false, layers: 8 };

const growth = (s: E16Stack) => s.streamNorm[s.streamNorm.length - 1]! / s.streamNorm[0]!;
const steps = (s: E16Stack) => s.training?.stepsToTarget ?? null;

/** Steps to the target of one stack and of Pre-LN from the same seed, and their ratio (null when either did not reach it). */
function stepsOf(m: E16Measurements, key: 'rezero' | 'scaled') {
  const [pre, other] = [steps(m.stacks.preLn), steps(m.stacks[key])];
  return { pre, other, q: pre !== null && other !== null ? other / pre : null, label: m.stacks[key].label };
}

export const claims: Claim<E16Measurements>[] = [
  {
    id: 'e16-scaled-stream-bounded',
    statement:
      'At initialization, in an 8-layer stack of width 32 with no norm, the 1/√(2N) scale keeps the stream’s mean token norm after the last block below twice its norm at the input, while without the scale it grows more than tenfold; both hold again at width 64 with 16 layers, on each of five seeds.',
    experiment: 'e16',
    params: INIT,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'stream norm after the last block over the input’s, with the 1/√(2N) scale, at initialization',
    counterRuns: [
      { params: { ...INIT, scale: '1' }, why: 'with scale 1 the “scaled” stack is the plain one, whose stream grows more than twofold' },
      { params: { ...INIT, layers: 2 }, why: 'a 2-layer stack without the scale does not grow its stream tenfold' },
    ],
    scales: [{ label: 'd 64, 16 layers', params: { ...INIT, width: 64, layers: 16 } }],
    predicate(m) {
      const [scaled, plain] = [growth(m.stacks.scaled), growth(m.stacks.plain)];
      return {
        holds: scaled < 2 && plain > 10,
        value: scaled,
        detail: `stream norm after block ${m.layers} over the input’s: ${m.stacks.scaled.label} (s = ${fmt(m.branchScale)}) ${fmt(scaled)} (must be below 2); ${m.stacks.plain.label} ${fmt(plain)} (must be above 10); Pre-LN ${fmt(growth(m.stacks.preLn))}, ${m.stacks.rezero.label} ${fmt(growth(m.stacks.rezero))}`,
      };
    },
  },
  {
    id: 'e16-scaled-steps-like-pre-ln',
    statement:
      'A 4-layer decoder of width 32 with no norm at all, whose every branch is multiplied by the fixed 1/√(2N) (N = 4 blocks, so 2N = 8 residual sublayers; GPT-2’s scale), reaches the target training loss of 1 nat within a budget of 200 steps, in at most one and a half times the steps the same decoder with Pre-LN needs from the same seed, on each of five seeds.',
    experiment: 'e16',
    params: {},
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'steps to the target with the 1/√(2N) scale and no norm over steps with Pre-LN, same seed',
    counterRuns: [PLAIN],
    scales: TRAINING_SCALES,
    predicate(m) {
      const { pre, other, q, label } = stepsOf(m, 'scaled');
      return {
        holds: q !== null && q <= 1.5,
        value: q ?? undefined,
        detail: `steps to the target: Pre-LN ${pre ?? 'not reached'}, ${label} ${other ?? 'not reached'} (budget ${m.steps}); ratio ${q === null ? 'none' : fmt(q)} (must be at most 1.5)`,
      };
    },
  },
  {
    id: 'e16-rezero-steps-like-pre-ln',
    statement:
      'The same decoder with no norm, whose every sublayer is instead x + α·F(x) with α learned and started at 0 (ReZero), reaches the same target within the same budget on each of five seeds, and averaged over the five seeds needs at most one and a half times Pre-LN’s steps.',
    experiment: 'e16',
    params: {},
    seeds: SEEDS,
    mode: 'mean-over-seeds',
    figure: 'mean steps to the target with ReZero and no norm over the mean with Pre-LN',
    counterRuns: [PLAIN],
    scales: TRAINING_SCALES,
    predicate(runs) {
      const rs = runs.map((m) => stepsOf(m, 'rezero'));
      const reached = rs.length > 0 && rs.every((r) => r.q !== null);
      const [pre, other] = [mean(rs.map((r) => r.pre ?? NaN)), mean(rs.map((r) => r.other ?? NaN))];
      const q = other / pre;
      return {
        holds: reached && q <= 1.5,
        value: reached ? q : undefined,
        detail: `steps to the target (budget ${runs[0]?.steps}): Pre-LN ${rs.map((r) => r.pre ?? 'not reached').join(', ')} (mean ${fmt(pre)}); ${rs[0]?.label} ${rs.map((r) => r.other ?? 'not reached').join(', ')} (mean ${fmt(other)}); ratio of the means ${fmt(q)} (every seed must reach it; the ratio must be at most 1.5)`,
      };
    },
  },
];
