// The charts of E8's measurements (the stored run's at build time, a live run's in the page).
import { wideRange, type Curves, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: { streamNorm: Curves }) => {
  const rows = Object.entries(m.streamNorm).flatMap(([v, ys]) => ys.map((y, i) => ({ series: v, x: i, y })));
  return [{ title: 'Mean token norm of the residual stream', x: { label: 'block (0 = input)' }, y: { label: '‖x‖', log: wideRange(rows) }, mark: 'line', rows }];
};
