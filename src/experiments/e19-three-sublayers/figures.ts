// The charts of E19's measurements (the stored run's at build time, a live run's in the page).
import { thinCurve, wideRange, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, sentence } from '~/charts/caption-words';
import type { ChartRow, ChartSpec } from '~/charts/spec';
import type { E19Measurements } from './experiment';

const PAPER = 'Post-LN (the paper)';
const late = (loss: number[]) => loss.slice(-10).reduce((a, b) => a + b, 0) / Math.min(10, loss.length);

export const figures: FigureMaker = (m: E19Measurements) => {
  const names = Object.keys(m.runs);
  const loss = names.flatMap((n) => thinCurve(n, m.runs[n]!.loss));
  // Short group labels: they sit in the chart's right margin.
  const SUBLAYERS: [string, string][] = [
    ['self', 'self'],
    ['cross', 'cross'],
    ['ffn', 'FFN'],
  ];
  const grads: ChartRow[] = SUBLAYERS.flatMap(([key, label]) =>
    names.map((n) => ({ series: n, x: label, y: m.runs[n]!.gradientAtInit[key]![0]! })),
  );
  const lossFigure = (): ChartSpec => ({
    title: 'Training loss on the toy translation',
    x: { label: 'training step' },
    y: { label: 'training loss (nats)', log: wideRange(loss, 20) },
    mark: 'line',
    rows: loss,
    caption: captionOf(() => {
      const paper = late(m.runs[PAPER]!.loss);
      const words = names
        .filter((n) => n !== PAPER)
        .map((n) => {
          const c = compare(late(m.runs[n]!.loss), paper);
          return `${n} ends ${c === 'about the same' ? 'about level with' : c === 'lower' ? 'below' : 'above'} the paper’s layer`;
        });
      return `${sentence(words.join('; '))} (mean of the last 10 steps).`;
    }),
  });
  const trained = names.some((n) => m.runs[n]!.loss.length > 0); // `train` off: the gradients alone
  return [
    ...(trained ? [lossFigure()] : []),
    {
      title: 'Gradient of each sublayer of the first decoder block at initialization',
      x: { label: 'decoder block 1', band: true },
      y: { label: '‖∂L/∂θ‖' },
      mark: 'bar',
      rows: grads,
      caption: captionOf(() => {
        const cross = names.find((n) => n.includes('cross-attention'));
        if (!cross) return `Each bar is one sublayer’s parameters, on one batch, before any training.`;
        const c = compare(m.runs[cross]!.gradientAtInit.self![0]!, m.runs[PAPER]!.gradientAtInit.self![0]!);
        return `Without the residual around cross-attention, block 1’s self-attention gets ${c === 'lower' ? 'a smaller' : c === 'higher' ? 'a larger' : 'about the same'} gradient than in the paper’s layer. Each bar is one sublayer’s parameters, on one batch, before any training.`;
      }),
    },
  ];
};
