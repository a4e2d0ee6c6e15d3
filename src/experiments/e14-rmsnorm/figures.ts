// The charts of E14's measurements (the stored run's at build time, a live run's in the page).
import { bars, lossChart, thinCurve, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare, quoted } from '~/charts/caption-words';
import type { ChartSpec } from '~/charts/spec';
import type { E14Measurements } from './experiment';

/** 'dec.1.ffn' → '2 feed-forward': block numbers padded with spaces so that the chart's sorted categories keep their order. */
function sublayer(name: string, layers: number): string {
  const [, block, sub] = name.split('.');
  return `${String(Number(block) + 1).padStart(String(layers).length, ' ')} ${sub === 'self' ? 'attention' : 'feed-forward'}`;
}

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
      x: { label: 'block and sublayer (its norm’s input)', band: true },
      y: { label: 'mean share' },
      mark: 'line',
      rows: runs.flatMap(([k, r]) => [
        ...Object.entries(r.meanShareAtInit).map(([x, y]) => ({ series: `${k}, at initialization`, x: sublayer(x, m.layers), y })),
        ...Object.entries(r.meanShareAtEnd).map(([x, y]) => ({ series: `${k}, when training stopped`, x: sublayer(x, m.layers), y })),
      ]),
      caption: captionOf(() => {
        const all = runs.flatMap(([, r]) => [...Object.values(r.meanShareAtInit), ...Object.values(r.meanShareAtEnd)]);
        if (!all.length) return undefined;
        const most = Math.max(...all);
        return `The mean is ${most < 0.25 ? 'less than a quarter' : most < 0.5 ? 'less than half' : 'more than half'} of every norm input's mean square here: the part LayerNorm removes and RMSNorm keeps.`;
      }),
    },
  ];
  // One chart (the page shows at most three per experiment): a whole training step of each model, and the step's
  // norms (two per block and the final one) timed alone in each implementation, all in ms per step.
  const { msPerStep, norms } = m.timing;
  const perStep = norms ? 2 * m.layers + 1 : 0;
  const t = norms?.msPerNorm;
  const rows: [string, number][] = [
    ...(msPerStep.LayerNorm !== undefined ? [['whole step, LayerNorm model', msPerStep.LayerNorm] as [string, number]] : []),
    ...Object.entries(msPerStep)
      .filter(([k]) => k !== 'LayerNorm')
      .map(([k, v]): [string, number] => [`whole step, ${k} model`, v]),
    ...(t
      ? ([
          [`its ${perStep} norms: LayerNorm, fused kernel`, perStep * t['LayerNorm (fused kernel)']],
          [`its ${perStep} norms: LayerNorm, plain ops`, perStep * t['LayerNorm (plain ops)']],
          [`its ${perStep} norms: RMSNorm, plain ops`, perStep * t['RMSNorm (plain ops)']],
        ] as [string, number][])
      : []),
  ];
  if (rows.length)
    specs.push({
      ...bars('Wall-clock ms per training step, and of its norms timed alone', 'ms per step', rows),
      caption: captionOf(() => {
        if (!t) return 'Measured on the machine that ran it; LayerNorm runs on a fused kernel and RMSNorm on plain ops.';
        const c = compare(t['RMSNorm (plain ops)'], t['LayerNorm (plain ops)'], 0.1);
        return `Measured on the machine that ran it. The models differ in implementation as well as formula (LayerNorm fused, RMSNorm plain ops); in plain ops alike, RMSNorm is ${c === 'about the same' ? 'about as fast as' : c === 'lower' ? 'faster than' : 'slower than'} LayerNorm.`;
      }),
    });
  return specs;
};
