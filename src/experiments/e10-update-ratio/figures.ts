// The charts of E10's measurements (the stored run's at build time, a live run's in the page).
import { bars, curves, thinCurve, wideRange, lossChart, type Curves, type Maybe, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, endOf } from '~/charts/caption-words';
import type { ChartSpec } from '~/charts/spec';

/** 'dec.0.self' → 'block 1, attention': one colour per block, one dash per sublayer (colors.ts groups by the text before the comma). */
function sublayerName(key: string): string {
  const [, block, kind] = /^dec\.(\d+)\.(\w+)$/.exec(key) ?? [];
  if (block === undefined) return key;
  return `block ${Number(block) + 1}, ${kind === 'self' ? 'attention' : kind === 'ffn' ? 'feed-forward' : kind}`;
}

/** The size of the updates against the stream, in words, from the smallest and largest ratio. */
function against(lo: number, hi: number): string | undefined {
  if (hi < 1) return 'smaller than';
  if (lo > 1) return 'larger than';
  if (lo >= 1 / 3 && hi <= 3) return 'of the same order as';
  if (lo >= 0.1 && hi <= 10) return 'within a factor of ten of';
  return undefined;
}

const ADDED = 'y = x + F(x)';
const AVERAGED = 'y = (x + F(x))/2';

export const figures: FigureMaker = (m: {
  checkpoints: number[];
  branchRatio: Curves;
  loss: Maybe[];
  averagedLoss: Maybe[];
  accuracy: { added: number; averaged: number | null };
}) => {
  const rows = curves(Object.fromEntries(Object.entries(m.branchRatio).map(([k, ys]) => [sublayerName(k), ys])), m.checkpoints);
  const averaged = m.accuracy.averaged;
  return [
    {
      title: 'Update against stream ‖F(x)‖/‖x‖ for each sublayer (the decoder that adds)',
      x: { label: 'training step' },
      y: { label: '‖F(x)‖/‖x‖', log: wideRange(rows) },
      mark: 'line',
      rows,
      caption: captionOf(() => {
        const ys = rows.map((r) => r.y).filter(Number.isFinite);
        const word = against(Math.min(...ys), Math.max(...ys));
        return word && `Throughout training, every sublayer's update F(x) stays ${word} the stream x it is added to.`;
      }),
    },
    // without the decoder that averages (`averaged` off) the updates are the one chart
    ...(averaged === null ? [] : comparison(m.loss, m.averagedLoss, m.accuracy.added, averaged)),
  ];
};

/** The decoder that adds against the one that averages: training loss and held-out accuracy. */
function comparison(loss: Maybe[], averagedLoss: Maybe[], accuracyAdded: number, accuracyAveraged: number): ChartSpec[] {
  return [
    {
      ...lossChart('Training loss, adding and averaging', [...thinCurve(ADDED, loss), ...thinCurve(AVERAGED, averagedLoss)]),
      caption: captionOf(() => {
        const word = compare(endOf(loss), endOf(averagedLoss));
        return word === 'about the same'
          ? 'Adding and averaging end with about the same training loss.'
          : `Adding ends with a ${word} training loss than averaging.`;
      }),
    },
    {
      ...bars('Held-out accuracy after training', 'accuracy', [
        [ADDED, accuracyAdded],
        [AVERAGED, accuracyAveraged],
      ]),
      caption: captionOf(() => {
        const d = accuracyAdded - accuracyAveraged;
        if (Math.abs(d) <= 0.02) return 'Adding and averaging reach about the same held-out accuracy.';
        return `Adding reaches ${d > 0 ? 'higher' : 'lower'} held-out accuracy than averaging.`;
      }),
    },
  ];
}
