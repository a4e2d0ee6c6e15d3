// The charts of E6's measurements (the stored run's at build time, a live run's in the page). Accuracies are shown
// from answer position 3 on: the first positions are right by construction or nearly so, and would pad the means.
import { thinCurve, lossChart, type Maybe, type FigureMaker } from '~/charts/figure-helpers';

type Checkpoint = { step: number; teacherForced: number[]; freeRunning: number[] };
const FROM = 2; // index of answer position 3
const later = (xs: number[]) => xs.slice(FROM).reduce((a, b) => a + b, 0) / (xs.length - FROM);

export const figures: FigureMaker = (m: { results: Record<string, { loss: Maybe[]; checkpoints: Checkpoint[] }> }) => {
  const overTraining = Object.entries(m.results).flatMap(([mode, r]) => [
    ...r.checkpoints.map((c) => ({ series: `trained by ${mode}, fed own outputs`, x: c.step, y: later(c.freeRunning) })),
    ...r.checkpoints.map((c) => ({ series: `trained by ${mode}, fed true tokens`, x: c.step, y: later(c.teacherForced) })),
  ]);
  const gaps = (m.results['teacher forcing']?.checkpoints ?? []).flatMap((c) =>
    c.teacherForced.slice(FROM).map((tf, i) => ({ series: `step ${c.step}`, x: i + FROM + 1, y: tf - c.freeRunning[i + FROM]! })),
  );
  return [
    {
      title: 'Accuracy at answer positions 3–6 during training (held-out)',
      x: { label: 'training step' },
      y: { label: 'accuracy' },
      mark: 'line',
      rows: overTraining,
    },
    {
      title: 'Teacher-forced model: accuracy fed true tokens minus fed its own outputs',
      x: { label: 'answer position' },
      y: { label: 'accuracy gap' },
      mark: 'line',
      rows: gaps,
    },
    lossChart(
      'Training loss by training mode',
      Object.entries(m.results).flatMap(([mode, r]) => thinCurve(mode, r.loss)),
    ),
  ];
};
