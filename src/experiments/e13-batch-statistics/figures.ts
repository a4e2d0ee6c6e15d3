// The charts of E13's measurements (the stored run's at build time, a live run's in the page).
import { bars, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, list, quoted } from '~/charts/caption-words';
import type { E13Measurements } from './experiment';

export const figures: FigureMaker = (m: E13Measurements) => {
  const norms = Object.entries(m.norms);
  // A change above 1e-5 of the logits' size is not float32 rounding (about 1e-7); LayerNorm's is exactly 0.
  const changed = (pick: (n: E13Measurements['norms'][string]) => number[]) =>
    norms.filter(([, n]) => pick(n).some((v) => v > 1e-5)).map(([k]) => quoted(k));
  const still = (pick: (n: E13Measurements['norms'][string]) => number[]) =>
    norms.filter(([, n]) => pick(n).every((v) => v <= 1e-5)).map(([k]) => quoted(k));
  const say = (yes: string[], no: string[], what: string) =>
    [yes.length ? `${list(yes)} ${what}` : '', no.length ? `${list(no)} does not` : ''].filter(Boolean).join('; ');
  const trained = norms.filter(([, n]) => n.heldOutAlone !== undefined);
  return [
    {
      title: 'One sequence’s logits, run in a smaller batch than its own',
      x: { label: 'sequences in the batch', log: true },
      y: { label: '‖Δ logits‖ / ‖logits‖' },
      mark: 'line',
      rows: norms.flatMap(([series, n]) => n.bySize.map((y, i) => ({ series, x: m.sizes[i]!, y }))),
      caption: captionOf(
        () =>
          `${say(
            changed((n) => n.bySize),
            still((n) => n.bySize),
            `changes the sequence's logits when the batch around it is smaller than ${m.batchSize}`,
          )}.`,
      ),
    },
    {
      title: 'Earlier positions’ logits when only the last input token changes',
      x: { label: 'position (before the changed token)' },
      y: { label: '‖Δ logits‖ / ‖logits‖' },
      mark: 'line',
      rows: norms.flatMap(([series, n]) => n.laterToken.map((y, i) => ({ series, x: i + 1, y }))),
      caption: captionOf(
        () =>
          `${say(
            changed((n) => n.laterToken),
            still((n) => n.laterToken),
            'lets the later token change earlier positions',
          )}.`,
      ),
    },
    ...(trained.length
      ? [
          {
            ...bars(
              `Held-out loss after ${m.steps} steps`,
              'loss (nats)',
              trained.flatMap(([k, n]): [string, number][] => [
                [`${k}, in batches of ${m.batchSize}`, n.heldOutInBatches!],
                [`${k}, one sequence at a time`, n.heldOutAlone!],
                ...(k === 'BatchNorm' && n.heldOutRunning !== undefined
                  ? [[`${k}, one at a time, running statistics`, n.heldOutRunning] as [string, number]]
                  : []),
              ]),
            ),
            caption: captionOf(() =>
              trained
                .map(
                  ([k, n]) =>
                    `Run one sequence at a time, ${quoted(k)}'s held-out loss is ${compare(n.heldOutAlone!, n.heldOutInBatches!, 0.01) === 'about the same' ? 'the same as' : `${compare(n.heldOutAlone!, n.heldOutInBatches!, 0.01)} than`} in batches.`,
                )
                .concat(
                  trained
                    .filter(([k, n]) => k === 'BatchNorm' && n.heldOutRunning !== undefined)
                    .map(([k, n]) => {
                      const c = compare(n.heldOutRunning!, n.heldOutInBatches!, 0.1);
                      return `With running statistics, ${quoted(k)}'s loss one sequence at a time is ${c === 'about the same' ? 'about the same as' : `${c} than`} in batches.`;
                    }),
                )
                .join(' '),
            ),
          },
        ]
      : []),
  ];
};
