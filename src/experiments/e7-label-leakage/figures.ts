// The charts of E7's measurements (the stored run's at build time, a live run's in the page). One loss chart per
// variant: without the mask and without the shift both losses sit near 0, and on one chart one line hid the other.
import { bars, type Maybe, type FigureMaker } from '~/charts/figure-helpers';
import type { ChartSpec } from '~/charts/spec';

export const figures: FigureMaker = (m: {
  entropyFloor: number;
  results: Record<string, { trainLoss: Maybe[]; lossByPosition: number[]; generated: number; teacherForced: number }>;
}) => {
  const lossCharts: ChartSpec[] = Object.entries(m.results).map(([v, r]) => ({
    title: `Held-out loss at each position after training: ${v}`,
    x: { label: 'position in the sequence' },
    y: { label: 'loss (nats)' },
    mark: 'line',
    rows: [
      ...r.lossByPosition.map((y, i) => ({ series: v, x: i + 1, y })),
      ...r.lossByPosition.map((_, i) => ({ series: 'entropy floor ln V', x: i + 1, y: m.entropyFloor })),
    ],
  }));
  // Generation without the shift is degenerate (the unknown inputs start as the separator, which a copying model
  // repeats): the label says so, since its bar is at 0.
  const label = (v: string) => (v === 'no right shift' ? `${v}, generated (echoes the separator)` : `${v}, generated`);
  return [
    ...lossCharts,
    bars(
      'Accuracy: fed the true tokens vs generating',
      'accuracy',
      Object.entries(m.results).flatMap(
        ([v, r]) =>
          [
            [`${v}, teacher-forced`, r.teacherForced],
            [label(v), r.generated],
          ] as [string, number][],
      ),
    ),
  ];
};
