// The charts of E5's measurements (the stored run's at build time, a live run's in the page).
import { type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: {
  chance: number;
  accuracy: Record<string, { intact: number; lesioned: number[]; stepsToTarget: number | null }>;
}) => {
  // A variant that missed its target loss says so in its label: its lesions are not comparable.
  const name = (variant: string, a: { stepsToTarget: number | null }) =>
    a.stepsToTarget === null ? `${variant} (did not reach the target loss)` : variant;
  const rows = Object.entries(m.accuracy).flatMap(([variant, a]) => [
    ...a.lesioned.map((y, i) => ({ series: `${name(variant, a)}, block deleted`, x: i + 1, y })),
    ...a.lesioned.map((_, i) => ({ series: `${name(variant, a)}, intact`, x: i + 1, y: a.intact })),
  ]);
  const n = Math.max(...Object.values(m.accuracy).map((a) => a.lesioned.length));
  rows.push(...Array.from({ length: n }, (_, i) => ({ series: 'chance', x: i + 1, y: m.chance })));
  return [
    {
      title: 'Held-out accuracy after deleting one block',
      x: { label: 'deleted block' },
      y: { label: 'accuracy (teacher-forced)' },
      mark: 'line',
      rows,
    },
  ];
};
