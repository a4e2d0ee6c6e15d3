// The charts of E10's measurements (the stored run's at build time, a live run's in the page).
import { curves, thinCurve, wideRange, lossChart, type Curves, type Maybe, type FigureMaker } from '~/charts/figure-helpers';

export const figures: FigureMaker = (m: { checkpoints: number[]; branchRatio: Curves; loss: Maybe[] }) => {
  const rows = curves(m.branchRatio, m.checkpoints);
  return [
    { title: 'Update against stream ‖F(x)‖/‖x‖ for each sublayer', x: { label: 'training step' }, y: { label: '‖F(x)‖/‖x‖', log: wideRange(rows) }, mark: 'line', rows },
    lossChart('Training loss', thinCurve('loss', m.loss)),
  ];
};
