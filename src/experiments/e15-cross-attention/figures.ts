// The charts of E15's measurements (the stored run's at build time, a live run's in the page).
import { lossChart, thinCurve, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf } from '~/charts/caption-words';
import type { ChartRow } from '~/charts/spec';
import type { E15Measurements } from './experiment';

const TARGET_WORDS = ['adj', 'noun', 'adj', 'noun', 'verb'];

export const figures: FigureMaker = (m: E15Measurements) => {
  const last = `dec.${m.layers - 1}.cross`;
  const label = (t: number) => `${t + 1} ${TARGET_WORDS[t] ?? '?'}`;
  const rows: ChartRow[] = [];
  for (const [series, maps] of [
    ['at initialization', m.before],
    ['after training', m.after],
  ] as const)
    (maps[last] ?? []).forEach((row, t) => rows.push({ series, x: label(t), y: row[m.alignment[t]!]! }));
  const trained = rows.filter((r) => r.series === 'after training');
  return [
    {
      title: 'Cross-attention on the source word each target word translates (last decoder block)',
      x: { label: 'target word', band: true },
      y: { label: 'attention weight on that source word' },
      mark: 'bar',
      rows,
      caption: captionOf(() => {
        if (!trained.length) return undefined;
        const most = trained.filter((r) => r.y > 0.5).length;
        const even = rows.filter((r) => r.series === 'at initialization').every((r) => Math.abs(r.y - 1 / m.alignment.length) < 0.1);
        const start = even ? '; at initialization every weight is near an even share' : '';
        return most === trained.length
          ? `After training, every target position puts most of its attention on the source word it translates, the verb included${start}.`
          : `After training, some target positions put most of their attention on the source word they translate, and some do not${start}.`;
      }),
    },
    {
      ...lossChart('Training loss of the encoder–decoder', thinCurve('Post-LN encoder–decoder', m.loss)),
      caption: captionOf(() =>
        m.status !== 'done'
          ? `Training ${m.status}.`
          : (m.loss.at(-1) ?? Infinity) < 0.05
            ? 'The training loss falls to near zero.'
            : 'The training loss falls.',
      ),
    },
  ];
};
