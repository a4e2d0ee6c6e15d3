// The charts of E1's measurements (the stored run's at build time, a live run's in the page).
import { curves, type Curves, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: { perLayer: Curves; depths: number[]; lastLayer: Curves }) => [
  { title: 'Gradient norm of each block at initialization', x: { label: 'block (1 = nearest the input)' }, y: { label: 'gradient norm', log: true }, mark: 'line', rows: curves(m.perLayer) },
  { title: "Last block's gradient norm against depth", x: { label: 'layers in the stack' }, y: { label: 'gradient norm of the last block' }, mark: 'line', rows: curves(m.lastLayer, m.depths) },
];
