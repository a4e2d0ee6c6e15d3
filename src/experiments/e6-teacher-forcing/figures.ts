// The charts of E6's measurements (the stored run's at build time, a live run's in the page). Accuracies are shown
// from answer position 3 on: the first positions are right by construction or nearly so, and would pad the means.
import { thinCurve, lossChart, type Maybe, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, endOf } from '~/charts/caption-words';

type Checkpoint = { step: number; teacherForced: number[]; freeRunning: number[] };
const FROM = 2; // index of answer position 3
const later = (xs: number[]) => xs.slice(FROM).reduce((a, b) => a + b, 0) / (xs.length - FROM);
/** Accuracies within this of each other read as "about as accurate". */
const SAME = 0.05;

export const figures: FigureMaker = (m: { results: Record<string, { loss: Maybe[]; checkpoints: Checkpoint[] }> }) => {
  const overTraining = Object.entries(m.results).flatMap(([mode, r]) => [
    ...r.checkpoints.map((c) => ({ series: `trained by ${mode}, fed own outputs`, x: c.step, y: later(c.freeRunning) })),
    ...r.checkpoints.map((c) => ({ series: `trained by ${mode}, fed true tokens`, x: c.step, y: later(c.teacherForced) })),
  ]);
  const tfCheckpoints = m.results['teacher forcing']?.checkpoints ?? [];
  const gapAt = (c: Checkpoint) => Math.max(...c.teacherForced.slice(FROM).map((tf, i) => Math.abs(tf - c.freeRunning[i + FROM]!)));
  // At most five checkpoints, evenly spaced from the first to the last: eight crossing lines read as a tangle.
  const k = Math.min(5, tfCheckpoints.length);
  const last = tfCheckpoints.length - 1;
  const shown = [...new Set(Array.from({ length: k }, (_, i) => Math.round((i * last) / Math.max(1, k - 1))))].map(
    (i) => tfCheckpoints[i]!,
  );
  const gaps = shown.flatMap((c) =>
    c.teacherForced.slice(FROM).map((tf, i) => ({ series: `step ${c.step}`, x: i + FROM + 1, y: tf - c.freeRunning[i + FROM]! })),
  );
  const tf = m.results['teacher forcing'];
  const fr = m.results['free running'];
  return [
    {
      title: 'Accuracy at answer positions 3–6 during training (held-out)',
      x: { label: 'training step' },
      y: { label: 'accuracy' },
      mark: 'line',
      rows: overTraining,
      caption: captionOf(() => {
        if (!tf || !fr) return undefined;
        const a = later(tf.checkpoints.at(-1)!.freeRunning);
        const b = later(fr.checkpoints.at(-1)!.freeRunning);
        const word = Math.abs(a - b) <= SAME ? 'about as accurate as' : a > b ? 'more accurate than' : 'less accurate than';
        return `At the end, fed its own outputs, the model trained by teacher forcing is ${word} the one trained by free running.`;
      }),
    },
    {
      title: 'Teacher-forced model: accuracy fed true tokens minus fed its own outputs',
      x: { label: 'answer position' },
      y: { label: 'accuracy gap' },
      mark: 'line',
      rows: gaps,
      caption: captionOf(() => {
        const first = tfCheckpoints[0];
        const last = tfCheckpoints.at(-1);
        if (!first || !last) return undefined;
        const end =
          gapAt(last) <= SAME
            ? `By step ${last.step}, the model is about as accurate fed its own outputs as fed the true tokens at every position`
            : `At step ${last.step}, fed its own outputs or the true tokens, the model's accuracy still differs at some position`;
        return gapAt(first) > gapAt(last) + SAME ? `${end}; early in training the gap was larger.` : `${end}.`;
      }),
    },
    {
      ...lossChart(
        'Training loss by training mode',
        Object.entries(m.results).flatMap(([mode, r]) => thinCurve(mode, r.loss)),
      ),
      caption: captionOf(() => {
        if (!tf || !fr) return undefined;
        const word = compare(endOf(tf.loss), endOf(fr.loss));
        return word === 'about the same'
          ? 'Teacher forcing and free running end with about the same training loss.'
          : `Teacher forcing ends with a ${word} training loss than free running.`;
      }),
    },
  ];
};
