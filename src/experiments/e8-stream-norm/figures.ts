// The charts of E8's measurements (the stored run's at build time, a live run's in the page).
import { wideRange, type Curves, type FigureMaker } from '~/charts/figure-helpers';

const byDepth = (c: Curves) => Object.entries(c).flatMap(([v, ys]) => ys.map((y, i) => ({ series: v, x: i, y })));

export const figures: FigureMaker = (m: { streamNorm: Curves; inputCoefficient: Curves }) => {
  const rows = byDepth(m.streamNorm);
  return [
    {
      title: 'Mean token norm of the residual stream',
      x: { label: 'block (0 = input)' },
      y: { label: '‖x‖', log: wideRange(rows) },
      mark: 'line',
      rows,
    },
    {
      title: 'The input’s coefficient in the stream ⟨x_l, x₀⟩/⟨x₀, x₀⟩',
      x: { label: 'block (0 = input)' },
      y: { label: 'coefficient on x₀' },
      mark: 'line',
      // Without a norm the stream grows so large that its coefficient on x₀ is swamped by noise: not shown.
      rows: byDepth(Object.fromEntries(Object.entries(m.inputCoefficient).filter(([v]) => v !== 'residual, no norm'))),
    },
  ];
};
