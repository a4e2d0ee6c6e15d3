// The charts of E7's measurements (the stored run's at build time, a live run's in the page).
import { bars, type Maybe, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: { entropyFloor: number; results: Record<string, { trainLoss: Maybe[]; lossByPosition: number[]; generated: number; teacherForced: number }> }) => {
  const byPos = Object.entries(m.results).flatMap(([v, r]) => r.lossByPosition.map((y, i) => ({ series: v, x: i + 1, y })));
  const n = Math.max(...Object.values(m.results).map((r) => r.lossByPosition.length));
  byPos.push(...Array.from({ length: n }, (_, i) => ({ series: 'entropy floor ln V', x: i + 1, y: m.entropyFloor })));
  return [
    { title: 'Held-out loss at each position after training', x: { label: 'position in the sequence' }, y: { label: 'loss (nats)' }, mark: 'line', rows: byPos },
    bars('Accuracy: fed the true tokens vs generating', 'accuracy', Object.entries(m.results).flatMap(([v, r]) => [[`${v}, teacher-forced`, r.teacherForced], [`${v}, generated`, r.generated]] as [string, number][])),
  ];
};
