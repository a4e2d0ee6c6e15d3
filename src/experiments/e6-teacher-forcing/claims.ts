// Claims measured by E6 (teacher forcing vs free running vs scheduled sampling).
import type { E6Measurements } from './experiment';
import { fmt, fmtList, mean, meanCurve } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

type Checkpoint = E6Measurements['results'][string]['checkpoints'][number];
const last = (m: E6Measurements, mode: string): Checkpoint => m.results[mode]!.checkpoints.at(-1)!;

export const claims: Claim<E6Measurements>[] = [
  {
    id: 'e6-teacher-forcing-trains-faster',
    statement:
      'On running sum mod 5, a model trained with teacher forcing generates the answer more accurately after the same number of steps than a model trained free-running on its own outputs.',
    experiment: 'e6',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const forced = mean(last(m, 'teacher forcing').freeRunning);
      const free = mean(last(m, 'free running').freeRunning);
      return {
        holds: forced >= free + 0.05,
        detail: `generation accuracy after ${m.steps} steps: ${fmt(forced)} trained with teacher forcing, ${fmt(free)} trained free-running (must be higher by ≥ 0.05)`,
      };
    },
  },
  {
    id: 'e6-exposure-bias',
    statement:
      'A teacher-forced model scores lower when it must feed on its own predictions (free-running evaluation) than when fed the true previous tokens, and the gap appears at later positions (mean over seeds and checkpoints).',
    experiment: 'e6',
    params: {},
    seeds: [1, 2, 3],
    mode: 'mean-over-seeds',
    predicate(runs) {
      // Gap per answer position: teacher-forced minus free-running accuracy, averaged over checkpoints and seeds.
      const gaps = runs.flatMap((m) =>
        m.results['teacher forcing']!.checkpoints.map((c) => c.teacherForced.map((tf, i) => tf - c.freeRunning[i]!)),
      );
      const gap = meanCurve(gaps);
      const later = mean(gap.slice(2));
      return {
        holds: Math.abs(gap[0]!) <= 0.01 && later >= 0.05,
        detail: `accuracy gap (teacher-forced − free-running evaluation) by answer position ${fmtList(gap)}: at the first position ${fmt(gap[0]!)} (must be ≈ 0, within 0.01), mean from the third on ${fmt(later)} (must be ≥ 0.05)`,
      };
    },
  },
];
