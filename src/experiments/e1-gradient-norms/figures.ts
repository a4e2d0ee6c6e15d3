// The charts of E1's measurements (the stored run's at build time, a live run's in the page).
import { curves, type Curves, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, change, grouped, wrapping } from '~/charts/caption-words';

/** How much gradient the first block's weights get against the last block's, in words. */
function share(first: number, last: number): string {
  const r = first / last;
  if (r < 0.1) return 'far less gradient';
  if (r < 0.5) return 'less gradient';
  if (r <= 2) return 'about as much gradient';
  if (r <= 10) return 'more gradient';
  return 'far more gradient';
}

export const figures: FigureMaker = (m: { streamGradient: Curves; perLayer: Curves; depths: number[]; lastLayer: Curves }) => {
  const depthsOf = (ys: number[]) => ys.map((_, i) => i);
  const stream = Object.entries(m.streamGradient).flatMap(([series, ys]) => depthsOf(ys).map((x) => ({ series, x, y: ys[x]! })));
  return [
    {
      title: 'Gradient reaching the stream ‖∂L/∂x‖ at initialization',
      x: { label: 'block (0 = input, l = after block l)' },
      y: { label: '‖∂L/∂x‖', log: true },
      mark: 'line',
      rows: stream,
      caption: captionOf(
        () =>
          `From the last block down to the input, the gradient ${grouped(
            Object.entries(m.streamGradient).map(([s, ys]) => [wrapping(s), change(ys[ys.length - 1]!, ys[0]!)]),
          )}.`,
      ),
    },
    {
      title: "Gradient of each block's weights at initialization",
      x: { label: 'block (1 = nearest the input)' },
      y: { label: '‖∂L/∂θ‖', log: true },
      mark: 'line',
      rows: curves(m.perLayer),
      caption: captionOf(
        () =>
          `Compared with the last block's weights, the first block's get ${grouped(
            Object.entries(m.perLayer).map(([s, ys]) => [wrapping(s), share(ys[0]!, ys[ys.length - 1]!)]),
          )}.`,
      ),
    },
    {
      title: "Last block's weight gradient against depth",
      x: { label: 'layers in the stack' },
      y: { label: '‖∂L/∂θ‖ of the last block' },
      mark: 'line',
      rows: curves(m.lastLayer, m.depths),
      caption: captionOf(
        () =>
          `From ${m.depths[0]} to ${m.depths[m.depths.length - 1]} layers, the last block's gradient ${grouped(
            Object.entries(m.lastLayer).map(([s, ys]) => [wrapping(s), change(ys[0]!, ys[ys.length - 1]!)]),
          )}.`,
      ),
    },
  ];
};
