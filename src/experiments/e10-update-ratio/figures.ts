// The charts of E10's measurements (the stored run's at build time, a live run's in the page).
import { bars, curves, thinCurve, wideRange, lossChart, type Curves, type Maybe, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: {
  checkpoints: number[];
  branchRatio: Curves;
  loss: Maybe[];
  averagedLoss: Maybe[];
  accuracy: { added: number; averaged: number };
}) => {
  const rows = curves(m.branchRatio, m.checkpoints);
  return [
    {
      title: 'Update against stream ‖F(x)‖/‖x‖ for each sublayer (the decoder that adds)',
      x: { label: 'training step' },
      y: { label: '‖F(x)‖/‖x‖', log: wideRange(rows) },
      mark: 'line',
      rows,
    },
    lossChart('Training loss, adding and averaging', [
      ...thinCurve('y = x + F(x)', m.loss),
      ...thinCurve('y = (x + F(x))/2', m.averagedLoss),
    ]),
    bars('Held-out accuracy after training', 'accuracy', [
      ['y = x + F(x)', m.accuracy.added],
      ['y = (x + F(x))/2', m.accuracy.averaged],
    ]),
  ];
};
