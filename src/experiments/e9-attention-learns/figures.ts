// The charts of E9's measurements (the stored run's at build time, a live run's in the page).
import { bars, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: { relativeChange: Record<string, Record<string, number>>; accuracy: Record<string, number> }) => {
  const rows = Object.entries(m.relativeChange).flatMap(([block, ws]) => Object.entries(ws).map(([w, y]) => ({ series: w, x: block, y })));
  return [
    bars('Accuracy with attention trained vs frozen at initialization', 'accuracy (teacher-forced)', Object.entries(m.accuracy)),
    {
      title: 'Relative change of the attention weights in training',
      x: { label: 'block', band: true },
      y: { label: '‖W − W₀‖/‖W₀‖' },
      mark: 'bar',
      rows,
    },
  ];
};
