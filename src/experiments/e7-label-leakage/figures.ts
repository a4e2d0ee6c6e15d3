// The charts of E7's measurements (the stored run's at build time, a live run's in the page). One loss chart per
// variant: without the mask and without the shift both losses sit near 0, and on one chart one line hid the other.
import { bars, type Maybe, type FigureMaker } from '~/charts/figure-helpers';
import type { ChartSpec } from '~/charts/spec';
import { captionOf, list, quoted } from '~/charts/caption-words';

type Result = { trainLoss: Maybe[]; lossByPosition: number[]; generated: number; teacherForced: number };

export const figures: FigureMaker = (m: { entropyFloor: number; results: Record<string, Result> }) => {
  // Near the floor: no better than guessing; near 0: the next token is known.
  const atFloor = (r: Result) => r.lossByPosition.filter((y) => Math.abs(y - m.entropyFloor) < 0.25 * m.entropyFloor).length;
  const nearZero = (r: Result) => r.lossByPosition.filter((y) => y < 0.1 * m.entropyFloor).length;
  const correct = m.results['correct'];
  const lossCaption = (v: string, r: Result) =>
    captionOf(() => {
      const n = r.lossByPosition.length;
      const k = atFloor(r);
      const z = nearZero(r);
      if (k > 0 && k + z === n)
        return `The loss sits at the entropy floor (no better than guessing) at ${k} of the ${n} positions and near zero at the rest.`;
      if (z === n) {
        const guessing = correct && v !== 'correct' && atFloor(correct) > 0;
        return guessing
          ? `The loss is near zero at every position, including the ones where ${quoted('correct')} can do no better than guessing.`
          : 'The loss is near zero at every position.';
      }
      return undefined;
    });
  const lossCharts: ChartSpec[] = Object.entries(m.results).map(([v, r]) => ({
    title: `Held-out loss at each position after training: ${v}`,
    x: { label: 'position in the sequence' },
    y: { label: 'loss (nats)' },
    mark: 'line',
    rows: [
      ...r.lossByPosition.map((y, i) => ({ series: v, x: i + 1, y })),
      ...r.lossByPosition.map((_, i) => ({ series: 'entropy floor ln V', x: i + 1, y: m.entropyFloor })),
    ],
    caption: lossCaption(v, r),
  }));
  // Generation without the shift is degenerate (the unknown inputs start as the separator, which a copying model
  // repeats): the label says so, since its bar is at 0.
  const label = (v: string) => (v === 'no right shift' ? `${v}, generated (echoes the separator)` : `${v}, generated`);
  const variants = Object.entries(m.results);
  return [
    ...lossCharts,
    {
      ...bars(
        'Accuracy: fed the true tokens vs generating',
        'accuracy',
        variants.flatMap(
          ([v, r]) =>
            [
              [`${v}, teacher-forced`, r.teacherForced],
              [label(v), r.generated],
            ] as [string, number][],
        ),
      ),
      caption: captionOf(() => {
        const lose = variants.filter(([, r]) => r.teacherForced - r.generated > 0.1).map(([v]) => quoted(v));
        const keep = variants.filter(([, r]) => Math.abs(r.teacherForced - r.generated) <= 0.05).map(([v]) => quoted(v));
        const parts = [
          lose.length ? `${list(lose)} lose${lose.length > 1 ? '' : 's'} accuracy` : '',
          keep.length ? `${list(keep)} keep${keep.length > 1 ? '' : 's'} ${lose.length ? 'it' : 'its accuracy'}` : '',
        ].filter(Boolean);
        return parts.length ? `Generating instead of being fed the true tokens, ${parts.join(' and ')}.` : undefined;
      }),
    },
  ];
};
