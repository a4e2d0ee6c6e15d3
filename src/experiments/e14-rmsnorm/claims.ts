// Claims measured by E14 (RMSNorm against LayerNorm). Time per step is measured and shown, never claimed:
// wall-clock depends on the machine and its load, and LayerNorm runs on a fused kernel while RMSNorm runs on
// plain ops. That RMSNorm equals LayerNorm on zero-mean tokens and is invariant to rescaling a token is true by
// construction: unit tests (tests/unit/lab/norms.test.ts). The each-seed claim comes first: the claims suite re-runs one
// seed of the first claim's larger scale (a mean-over-seeds claim would re-run all five).
import type { E14Measurements } from './experiment';
import { fmt, mean } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

const SEEDS = [1, 2, 3, 4, 5];
const PARAMS = { timing: false };
const NO_NORM = {
  params: { compare: 'no norm', layers: 4 },
  why: 'a 4-layer stack with no norm at all needs more than one and a half times LayerNorm’s steps to the target',
};
const SCALES = [{ label: 'd 64, 4 layers', params: { width: 64, layers: 4 } }];

/** The variant compared with LayerNorm, and its steps to the target over LayerNorm's (null when either did not reach it). */
function ratio(m: E14Measurements): { variant: string; ln: number | null; other: number | null } {
  const variant = Object.keys(m.runs).find((k) => k !== 'LayerNorm') ?? '';
  return { variant, ln: m.runs.LayerNorm?.stepsToTarget ?? null, other: m.runs[variant]?.stepsToTarget ?? null };
}

export const claims: Claim<E14Measurements>[] = [
  {
    id: 'e14-rms-each-seed',
    statement:
      'In a 2-layer Pre-LN decoder, on each of five seeds, RMSNorm in place of LayerNorm needs between two thirds and one and a half times the steps that LayerNorm from the same seed needs to reach the target training loss of 1 nat (budget 400 steps).',
    experiment: 'e14',
    params: PARAMS,
    seeds: SEEDS,
    mode: 'each-seed',
    figure: 'steps to the target with RMSNorm over steps with LayerNorm, same seed',
    counterRuns: [NO_NORM],
    scales: SCALES,
    predicate(m) {
      const { variant, ln, other } = ratio(m);
      const q = ln !== null && other !== null ? other / ln : null;
      return {
        holds: q !== null && q >= 2 / 3 && q <= 1.5,
        value: q ?? undefined,
        detail: `steps to the target: LayerNorm ${ln ?? 'not reached'}, ${variant} ${other ?? 'not reached'}; ratio ${q === null ? 'none' : fmt(q)} (must be within [0.667, 1.5])`,
      };
    },
  },
  {
    id: 'e14-rms-steps-like-ln',
    statement:
      'Averaged over the same five seeds, RMSNorm’s number of steps to the target is within 25% of LayerNorm’s (between 0.8 and 1.25 times), and both reach the target on every seed.',
    experiment: 'e14',
    params: PARAMS,
    seeds: SEEDS,
    mode: 'mean-over-seeds',
    figure: 'mean steps to the target with RMSNorm over the mean with LayerNorm',
    counterRuns: [NO_NORM],
    scales: SCALES,
    predicate(runs) {
      const rs = runs.map(ratio);
      const reached = rs.every((r) => r.ln !== null && r.other !== null);
      const [ln, other] = [mean(rs.map((r) => r.ln ?? NaN)), mean(rs.map((r) => r.other ?? NaN))];
      const q = other / ln;
      return {
        holds: rs.length > 0 && reached && q >= 0.8 && q <= 1.25,
        value: reached ? q : undefined,
        detail: `steps to the target: LayerNorm ${rs.map((r) => r.ln ?? 'not reached').join(', ')} (mean ${fmt(ln)}); ${rs[0]?.variant} ${rs.map((r) => r.other ?? 'not reached').join(', ')} (mean ${fmt(other)}); ratio ${fmt(q)} (every seed must reach it; ratio must be within [0.8, 1.25])`,
      };
    },
  },
];
