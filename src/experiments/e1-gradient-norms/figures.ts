// The charts of E1's measurements (the stored run's at build time, a live run's in the page).
import { curves, type Curves, type FigureMaker } from '~/charts/figure-helpers';

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
    },
    {
      title: "Gradient of each block's weights at initialization",
      x: { label: 'block (1 = nearest the input)' },
      y: { label: '‖∂L/∂θ‖', log: true },
      mark: 'line',
      rows: curves(m.perLayer),
    },
    {
      title: "Last block's weight gradient against depth",
      x: { label: 'layers in the stack' },
      y: { label: '‖∂L/∂θ‖ of the last block' },
      mark: 'line',
      rows: curves(m.lastLayer, m.depths),
    },
  ];
};
