// The charts of E18's measurements (the stored run's at build time, a live run's in the page).
import { bars, curves, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, sentence } from '~/charts/caption-words';
import type { E18Measurements } from './experiment';

const last = (xs: number[]) => xs[xs.length - 1]!;

export const figures: FigureMaker = (m: E18Measurements) => {
  const names = Object.keys(m.runs);
  const steps = m.runs[names[0]!]!.steps;
  const series = (what: 'trainLoss' | 'heldOutLoss') => Object.fromEntries(names.map((n) => [n, m.runs[n]![what]]));
  const chart = (title: string, yLabel: string, what: 'trainLoss' | 'heldOutLoss') => ({
    title,
    x: { label: 'training step' },
    y: { label: yLabel },
    mark: 'line' as const,
    rows: curves(series(what), steps),
  });
  return [
    {
      ...chart(`Loss on held-out sequences (${m.heldOut} of them)`, 'held-out loss (nats)', 'heldOutLoss'),
      caption: captionOf(() => {
        const words = names.map((n) => {
          const r = m.runs[n]!;
          const min = Math.min(...r.heldOutLoss);
          const rise = compare(last(r.heldOutLoss), min);
          return `${n} ends ${rise === 'higher' ? 'above its lowest point' : 'near its lowest point'}`;
        });
        return `${sentence(words.join('; '))}. Evaluated without dropout.`;
      }),
    },
    {
      ...chart(`Loss on the ${m.trainingSet} training sequences`, 'training-set loss (nats)', 'trainLoss'),
      caption: captionOf(() => {
        const order = names.slice().sort((a, b) => last(m.runs[a]!.trainLoss) - last(m.runs[b]!.trainLoss));
        return `${sentence(order[0]!)} fits the training set best and ${order[order.length - 1]} worst at the last step. Evaluated without dropout.`;
      }),
    },
    {
      ...bars(
        'Held-out accuracy at the last step (measured, not claimed)',
        'share of answer tokens right',
        names.map((n) => [n, m.runs[n]!.heldOutAccuracy]),
      ),
      caption: captionOf(() => {
        const order = names.slice().sort((a, b) => m.runs[b]!.heldOutAccuracy - m.runs[a]!.heldOutAccuracy);
        return `Teacher-forced, on the held-out sequences: ${order[0]} is highest and ${order[order.length - 1]} lowest in this run. Loss also counts how confident a wrong answer is; accuracy does not.`;
      }),
    },
  ];
};
