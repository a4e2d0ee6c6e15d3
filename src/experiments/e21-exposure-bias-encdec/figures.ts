// The charts of E21's measurements (the stored run's at build time, a live run's in the page). Accuracies are shown
// from target position 3 on: at position 1 no earlier target token is fed, so both evaluations are the same by
// construction, and at position 2 the token fed is the first target token, the one the model is most sure of.
import { thinCurve, lossChart, type Maybe, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, endOf } from '~/charts/caption-words';

type Checkpoint = { step: number; teacherForced: number[]; freeRunning: number[] };
type Run = { loss: Maybe[]; checkpoints: Checkpoint[] };
const FROM = 2; // index of target position 3
const later = (xs: number[]) => xs.slice(FROM).reduce((a, b) => a + b, 0) / (xs.length - FROM);
const gapAt = (c: Checkpoint, i: number) => c.teacherForced[i]! - c.freeRunning[i]!;
/** Accuracies within this of each other read as "about as accurate". */
const SAME = 0.05;

export const figures: FigureMaker = (m: { task: string; steps: number; decay: number; results: Record<string, Run> }) => {
  const tf = m.results['teacher forcing'];
  const fr = m.results['free running'];
  const ss = m.results['scheduled sampling'];
  const tfCheckpoints = tf?.checkpoints ?? [];
  const positions = tfCheckpoints[0]?.teacherForced.length ?? 0;
  const overTraining = [
    ...Object.entries(m.results).flatMap(([mode, r]) =>
      r.checkpoints.map((c) => ({ series: `trained by ${mode}, fed own outputs`, x: c.step, y: later(c.freeRunning) })),
    ),
    ...tfCheckpoints.map((c) => ({ series: 'trained by teacher forcing, fed true tokens', x: c.step, y: later(c.teacherForced) })),
  ];
  // At most five checkpoints, evenly spaced from the first to the last: eight crossing lines read as a tangle.
  const k = Math.min(5, tfCheckpoints.length);
  const last = tfCheckpoints.length - 1;
  const shown = [...new Set(Array.from({ length: k }, (_, i) => Math.round((i * last) / Math.max(1, k - 1))))].map(
    (i) => tfCheckpoints[i]!,
  );
  const gaps = shown.flatMap((c) =>
    Array.from({ length: positions - FROM }, (_, i) => ({ series: `step ${c.step}`, x: i + FROM + 1, y: gapAt(c, i + FROM) })),
  );
  const meanGap = (r: Run, i: number) => r.checkpoints.reduce((a, c) => a + gapAt(c, i), 0) / r.checkpoints.length;
  const gapByMode = Object.entries(m.results).flatMap(([mode, r]) =>
    Array.from({ length: positions - FROM }, (_, i) => ({ series: `trained by ${mode}`, x: i + FROM + 1, y: meanGap(r, i + FROM) })),
  );
  const largestGap = (r: Run | undefined) =>
    r ? Math.max(...Array.from({ length: positions - FROM }, (_, i) => meanGap(r, i + FROM))) : NaN;
  // The share of true previous tokens fed at each step (Ben15's inverse-sigmoid decay for scheduled sampling).
  const share = (i: number) => m.decay / (m.decay + Math.exp(i / m.decay));
  const every = Math.max(1, Math.ceil(m.steps / 40));
  const stepsShown = Array.from({ length: Math.ceil(m.steps / every) }, (_, j) => j * every).concat(m.steps - 1);
  const shareOf: [string, (i: number) => number][] = [
    ['teacher forcing', () => 1],
    ['scheduled sampling', share],
    ['free running', () => 0],
  ];
  const schedule = shareOf
    .filter(([mode]) => m.results[mode]) // the trainings that ran
    .flatMap(([mode, at]) => stepsShown.map((i) => ({ series: mode, x: i + 1, y: at(i) })));
  return [
    {
      title: 'Accuracy at target positions 3 on during training (held-out)',
      x: { label: 'training step' },
      y: { label: 'accuracy' },
      mark: 'line',
      rows: overTraining,
      caption: captionOf(() => {
        if (!tf || !fr || !tf.checkpoints.length || !fr.checkpoints.length) return undefined;
        const a = later(tf.checkpoints.at(-1)!.freeRunning);
        const b = later(fr.checkpoints.at(-1)!.freeRunning);
        const word = Math.abs(a - b) <= SAME ? 'about as accurate as' : a > b ? 'more accurate than' : 'less accurate than';
        return `At the end, fed its own outputs, the model trained by teacher forcing is ${word} the one trained by free running.`;
      }),
    },
    {
      title: 'Teacher-forced model: accuracy fed true tokens minus fed its own outputs',
      x: { label: 'target position', band: true },
      y: { label: 'accuracy gap' },
      mark: 'line',
      rows: gaps,
      caption: captionOf(() => {
        if (!tf || !tfCheckpoints.length) return undefined;
        const big = largestGap(tf);
        return big <= SAME
          ? 'Averaged over the checkpoints, the teacher-forced model is about as accurate fed its own outputs as fed the true tokens at every position shown.'
          : 'Averaged over the checkpoints, the teacher-forced model is less accurate fed its own outputs than fed the true tokens at some position.';
      }),
    },
    {
      title: 'Accuracy gap by target position, averaged over the checkpoints, by training mode',
      x: { label: 'target position', band: true },
      y: { label: 'mean accuracy gap' },
      mark: 'line',
      rows: gapByMode,
      // Against scheduled sampling where it ran (the comparison its claim makes), else against free running.
      caption: captionOf(() => {
        const [name, other] = ss ? ['with scheduled sampling', ss] : ['free-running', fr];
        if (!tf || !other || !tf.checkpoints.length || !other.checkpoints.length) return undefined;
        const a = largestGap(tf);
        const b = largestGap(other);
        const word = Math.abs(a - b) <= SAME ? 'about as large as' : b < a ? 'smaller than' : 'larger than';
        return `The largest mean gap of the model trained ${name} is ${word} that of the teacher-forced model.`;
      }),
    },
    {
      title: 'Share of true previous tokens fed in training',
      x: { label: 'training step' },
      y: { label: 'share of true tokens' },
      mark: 'line',
      rows: schedule,
      caption: captionOf(() =>
        m.steps > 0 && ss
          ? `Scheduled sampling feeds the true tokens with a probability that falls over training, ${share(m.steps - 1) < 0.1 ? 'to nearly never by the last step' : 'though not to nearly never by the last step'}.`
          : undefined,
      ),
    },
    {
      ...lossChart(
        'Training loss by training mode',
        Object.entries(m.results).flatMap(([mode, r]) => thinCurve(mode, r.loss)),
      ),
      caption: captionOf(() => {
        const [name, other] = fr ? ['free running', fr] : ['scheduled sampling', ss];
        if (!tf || !other) return undefined;
        const word = compare(endOf(tf.loss), endOf(other.loss));
        return word === 'about the same'
          ? `Teacher forcing and ${name} end with about the same training loss.`
          : `Teacher forcing ends with a ${word} training loss than ${name}.`;
      }),
    },
  ];
};
