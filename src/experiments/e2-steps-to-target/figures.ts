// The charts of E2's measurements (the stored run's at build time, a live run's in the page).
import { thinCurve, lossChart, bars, warm, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, list } from '~/charts/caption-words';
import type { E2Measurements, E2Run } from './experiment';

const WRAPPINGS = 6;
const endLoss = (r: E2Run) => r.loss.slice(-5).reduce((a, b) => a + b, 0) / Math.min(5, r.loss.length);

/** How much of a step's time a share is, in words. */
function portion(share: number): string {
  if (share < 0.1) return 'less than a tenth';
  if (share < 0.25) return 'less than a quarter';
  if (share < 0.5) return 'less than half';
  return 'more than half';
}

export const figures: FigureMaker = (m: E2Measurements) => {
  // The six wrappings come first when they were trained (`wrappings` off: the runs are the grid's only).
  const wrappings = m.wrappings ? m.runs.slice(0, WRAPPINGS) : [];
  const grid = m.runs.slice(wrappings.length);
  const target = { value: m.targetLoss, label: `target loss ${m.targetLoss}` };
  // The floor is ln(number of answer symbols): the symbol count is read back from it, not typed.
  const lnV = `ln ${Math.round(Math.exp(m.floor))}`;
  // Post-LN and Pre-LN at each setting run (the wrappings' rate, then each rate and warmup of the grid).
  const pairs = [...new Set(m.runs.map((r) => `${r.lr} ${r.warmupSteps}`))].flatMap((key) => {
    const at = m.runs.filter((r) => `${r.lr} ${r.warmupSteps}` === key);
    const post = at.find((r) => r.variant === 'post-ln');
    const pre = at.find((r) => r.variant === 'pre-ln');
    return post && pre ? [compare(endLoss(pre), endLoss(post))] : [];
  });
  // Three charts at most are shown: the curves, the losses at the end of the budget (wrappings, then the
  // learning-rate grid), and the measured time share of the adds and norms (wall-clock, descriptive only).
  // Without the wrappings there are no curves to show, and the bars are the grid's.
  const curves = {
    ...lossChart(
      `Training loss of each wrapping (lr ${m.lr}${warm(m.warmupSteps)}); a model that has learned nothing sits near ${lnV} ≈ ${m.floor.toFixed(2)}`,
      wrappings.flatMap((r) => thinCurve(r.variant, r.loss)),
    ),
    rules: [target, { value: m.floor, label: `${lnV}: nothing learned` }],
    caption: captionOf(() => {
      const below = wrappings.filter((r) => endLoss(r) < m.targetLoss).map((r) => r.variant);
      const nearFloor = wrappings.filter((r) => Math.abs(endLoss(r) - m.floor) < 0.1 * m.floor).map((r) => r.variant);
      const first =
        below.length === 0
          ? `In ${m.steps} steps no wrapping ends below the target loss`
          : `In ${m.steps} steps ${below.length === 1 && wrappings.length > 1 ? 'only ' : ''}${list(below)} end${below.length === 1 ? 's' : ''} below the target loss`;
      return nearFloor.length ? `${first}; ${list(nearFloor)} end near ${lnV}, where a model that has learned nothing sits.` : `${first}.`;
    }),
  };
  return [
    ...(wrappings.length ? [curves] : []),
    {
      ...bars(
        wrappings.length
          ? `Training loss after ${m.steps} steps (mean of the last 5): each wrapping at lr ${m.lr}${warm(m.warmupSteps)}${grid.length ? ', then the learning-rate grid' : ''}`
          : `Training loss after ${m.steps} steps (mean of the last 5): the learning-rate grid, Post-LN without and with warmup, Pre-LN without${m.preLnWarmup ? ' and with' : ''}`,
        'training loss (nats)',
        [
          ...wrappings.map((r): [string, number] => [r.variant, endLoss(r)]),
          ...grid.map((r): [string, number] => [`${r.variant}, lr ${r.lr}${warm(r.warmupSteps)}`, endLoss(r)]),
        ],
      ),
      rules: [target],
      caption: captionOf(() => {
        if (pairs.length === 0) return undefined;
        const lower = pairs.filter((p) => p === 'lower').length;
        if (pairs.length === 1)
          return pairs[0] === 'about the same'
            ? 'Pre-LN and Post-LN end with about the same loss.'
            : `Pre-LN ends with a ${pairs[0]} loss than Post-LN.`;
        if (lower === pairs.length) return 'Pre-LN ends with a lower loss than Post-LN at every learning rate and warmup shown.';
        return `Pre-LN ends with a lower loss than Post-LN in ${lower} of the ${pairs.length} settings shown.`;
      }),
    },
    {
      ...bars(
        'Share of a training step’s time spent in the residual adds and the norms (measured on the machine that ran it)',
        'share of step time',
        Object.entries(m.timing).flatMap(([v, t]): [string, number][] => [
          [`${v}: adds`, t.shareAdd],
          [`${v}: norms`, t.shareNorm],
        ]),
      ),
      caption: captionOf(() => {
        const largest = Math.max(...Object.values(m.timing).flatMap((t) => [t.shareAdd, t.shareNorm]));
        return `The residual adds and the norms each take ${portion(largest)} of a training step’s time on the machine that ran it.`;
      }),
    },
  ];
};
