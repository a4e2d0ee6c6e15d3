// The charts of E3's measurements (the stored run's at build time, a live run's in the page).
import { type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: { relResidual: Record<string, Record<string, number[]>> }) => {
  const rows = Object.entries(m.relResidual).flatMap(([skip, stacks]) =>
    Object.entries(stacks).flatMap(([stack, ys]) => ys.map((y, i) => ({ series: `${stack}, ${skip}`, x: i, y }))),
  );
  return [
    {
      title: 'Relative residual ‖X − 1·meanᵀ‖/‖X‖ after each block',
      x: { label: 'block (0 = input)' },
      y: { label: 'relative residual', log: true },
      mark: 'line',
      rows,
    },
  ];
};
