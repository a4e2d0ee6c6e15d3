// The charts of E5's measurements (the stored run's at build time, a live run's in the page).
import { type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, quoted } from '~/charts/caption-words';

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
  const variants = Object.entries(m.accuracy);
  return [
    {
      title: 'Held-out accuracy after deleting one block',
      x: { label: 'deleted block' },
      y: { label: 'accuracy (teacher-forced)' },
      mark: 'line',
      rows,
      caption: captionOf(() => {
        const parts = variants.map(([v, a]) => {
          const worst = a.lesioned.indexOf(Math.min(...a.lesioned)) + 1;
          const least = a.lesioned.indexOf(Math.max(...a.lesioned)) + 1;
          const above = Math.min(...a.lesioned) > m.chance ? ', and every deletion stays above chance' : '';
          if (variants.length === 1) return `deleting block ${worst} costs the most accuracy and deleting block ${least} the least${above}`;
          // Several variants: where the costliest block sits, in words (a caption never lists numbers).
          const where = worst <= a.lesioned.length / 2 ? 'near the input' : 'near the output';
          return `with ${quoted(v)}, deleting a block ${where} costs the most accuracy${above}`;
        });
        const text = parts.join('; ');
        return parts.length ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : undefined;
      }),
    },
  ];
};
