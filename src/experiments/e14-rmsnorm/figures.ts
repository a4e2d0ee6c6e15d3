// The charts of E14's measurements (the stored run's at build time, a live run's in the page).
import { bars, lossChart, thinCurve, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, quoted } from '~/charts/caption-words';
import type { ChartSpec } from '~/charts/spec';
import type { E14Measurements } from './experiment';

export const figures: FigureMaker = (m: E14Measurements) => {
  const runs = Object.entries(m.runs);
  const other = runs.find(([k]) => k !== 'LayerNorm');
  const ln = m.runs.LayerNorm;
  const specs: ChartSpec[] = [
    {
      ...lossChart(
        'Training loss until the target',
        runs.flatMap(([k, r]) => thinCurve(k, r.loss)),
      ),
      rules: [{ value: m.targetLoss, label: 'target' }],
      caption: captionOf(() => {
        if (!ln || !other) return undefined;
        const [a, b] = [ln.stepsToTarget, other[1].stepsToTarget];
        if (a === null || b === null)
          return `${a === null ? quoted('LayerNorm') : quoted(other[0])} does not reach the target within ${m.steps} steps.`;
        const c = compare(b, a, 0.1);
        return `${quoted(other[0])} reaches the target ${c === 'about the same' ? 'in about as many steps as' : c === 'lower' ? 'in fewer steps than' : 'in more steps than'} ${quoted('LayerNorm')}.`;
      }),
    },
    {
      title: 'Share of each norm’s input that is its mean, μ²/mean(x²)',
      x: { label: 'sublayer (its norm’s input)', band: true },
      y: { label: 'mean share' },
      mark: 'dot',
      rows: runs.flatMap(([k, r]) => [
        ...Object.entries(r.meanShareAtInit).map(([x, y]) => ({ series: `${k}, at initialization`, x, y })),
        ...Object.entries(r.meanShareAtEnd).map(([x, y]) => ({ series: `${k}, when training stopped`, x, y })),
      ]),
      caption: captionOf(() => {
        const all = runs.flatMap(([, r]) => [...Object.values(r.meanShareAtInit), ...Object.values(r.meanShareAtEnd)]);
        if (!all.length) return undefined;
        const most = Math.max(...all);
        return `The mean is ${most < 0.25 ? 'less than a quarter' : most < 0.5 ? 'less than half' : 'more than half'} of every norm input's mean square here: the part LayerNorm removes and RMSNorm keeps.`;
      }),
    },
  ];
  const ms = Object.entries(m.timing.msPerStep);
  if (ms.length)
    specs.push({
      ...bars(
        'Wall-clock ms per training step (LayerNorm: fused kernel; RMSNorm: plain ops)',
        'ms per step',
        ms.map(([k, v]) => [k, v]),
      ),
      caption: captionOf(() => 'Measured on the machine that ran it; the two differ in implementation as well as in formula.'),
    });
  const norms = m.timing.norms;
  if (norms)
    specs.push({
      ...bars(
        'Wall-clock ms of one norm, forward and backward',
        'ms per norm',
        Object.entries(norms.msPerNorm).map(([k, v]) => [k, v]),
      ),
      caption: captionOf(() => {
        const t = norms.msPerNorm;
        const c = compare(t['RMSNorm (plain ops)'], t['LayerNorm (plain ops)'], 0.1);
        return `In plain ops, RMSNorm is ${c === 'about the same' ? 'about as fast as' : c === 'lower' ? 'faster than' : 'slower than'} LayerNorm; LayerNorm's fused kernel is ${compare(t['LayerNorm (fused kernel)'], Math.min(t['LayerNorm (plain ops)'], t['RMSNorm (plain ops)'])) === 'lower' ? 'faster than both' : 'not faster than both'}.`;
      }),
    });
  return specs;
};
