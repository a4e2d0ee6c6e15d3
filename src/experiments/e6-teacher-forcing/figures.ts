// The charts of E6's measurements (the stored run's at build time, a live run's in the page).
import { thinCurve, lossChart, type Maybe, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: { results: Record<string, { loss: Maybe[]; checkpoints: { step: number; teacherForced: number[]; freeRunning: number[] }[] }> }) => {
  const last = Object.entries(m.results).flatMap(([mode, r]) => {
    const c = r.checkpoints.at(-1);
    if (!c) return [];
    return [
      ...c.teacherForced.map((y, i) => ({ series: `${mode}, fed true tokens`, x: i + 1, y })),
      ...c.freeRunning.map((y, i) => ({ series: `${mode}, fed own outputs`, x: i + 1, y })),
    ];
  });
  return [
    { title: 'Accuracy by answer position at the end of training', x: { label: 'answer position' }, y: { label: 'accuracy' }, mark: 'line', rows: last },
    lossChart('Training loss by training mode', Object.entries(m.results).flatMap(([mode, r]) => thinCurve(mode, r.loss))),
  ];
};
