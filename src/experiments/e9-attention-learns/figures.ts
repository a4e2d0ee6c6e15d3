// The charts of E9's measurements (the stored run's at build time, a live run's in the page).
import { bars, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf } from '~/charts/caption-words';

export const figures: FigureMaker = (m: { relativeChange: Record<string, Record<string, number>>; accuracy: Record<string, number> }) => {
  const rows = Object.entries(m.relativeChange).flatMap(([block, ws]) => Object.entries(ws).map(([w, y]) => ({ series: w, x: block, y })));
  const { trained, frozen } = m.accuracy;
  return [
    {
      ...bars('Accuracy with attention trained vs frozen at initialization', 'accuracy (teacher-forced)', Object.entries(m.accuracy)),
      caption: captionOf(() => {
        if (trained === undefined || frozen === undefined) return undefined;
        if (Math.abs(trained - frozen) <= 0.02) return 'Trained and frozen attention reach about the same held-out accuracy.';
        return `Trained attention reaches ${trained > frozen ? 'higher' : 'lower'} held-out accuracy than attention frozen at initialization.`;
      }),
    },
    {
      title: 'Relative change of the attention weights in training',
      x: { label: 'block', band: true },
      y: { label: '‖W − W₀‖/‖W₀‖' },
      mark: 'bar',
      rows,
      caption: captionOf(() => {
        const least = Math.min(...rows.map((r) => r.y));
        return least >= 0.1
          ? 'Every attention weight matrix of every block moves by at least a tenth of its initial size in training.'
          : 'Some attention weight matrices move by less than a tenth of their initial size in training.';
      }),
    },
  ];
};
