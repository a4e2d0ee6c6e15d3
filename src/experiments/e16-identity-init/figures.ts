// The charts of E16's measurements (the stored run's at build time, a live run's in the page).
import { lossChart, thinCurve, wideRange, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, change, compare, grouped, list, quoted } from '~/charts/caption-words';
import type { ChartSpec } from '~/charts/spec';
import type { E16Measurements, E16Stack } from './experiment';

/** 'dec.1.ffn' → 4: the sublayer's place in the stack, counted from 1 (odd: attention, even: feed-forward). */
function sublayer(name: string): number {
  const [, block, sub] = name.split('.');
  return 2 * Number(block) + (sub === 'self' ? 1 : 2);
}

const largest = (r: Record<string, number>) => Math.max(...Object.values(r));

export const figures: FigureMaker = (m: E16Measurements) => {
  const stacks = Object.values(m.stacks);
  const trained = stacks.filter((s): s is E16Stack & { training: NonNullable<E16Stack['training']> } => s.training !== null);
  const stream = stacks.flatMap((s) => s.streamNorm.map((y, x) => ({ series: s.label, x, y })));
  const specs: ChartSpec[] = [
    {
      title: 'Mean token norm of the stream at initialization',
      x: { label: 'block (0 = input)' },
      y: { label: '‖x‖', log: wideRange(stream, 20) },
      mark: 'line',
      rows: stream,
      caption: captionOf(
        () =>
          `From the input to the last block, the stream's norm ${grouped(stacks.map((s) => [`for ${quoted(s.label)}`, change(s.streamNorm[0]!, s.streamNorm.at(-1)!)]))}.`,
      ),
    },
  ];
  const shown = trained.length ? trained : stacks;
  specs.push({
    title: 'Each branch against the stream it is added to, ‖F(x)‖/‖x‖',
    x: { label: 'sublayer (odd: attention, even: feed-forward)' },
    y: { label: '‖F(x)‖/‖x‖' },
    mark: 'line',
    rows: shown.flatMap((s) => [
      ...Object.entries(s.branchRatio).map(([x, y]) => ({ series: `${s.label}, at initialization`, x: sublayer(x), y })),
      ...Object.entries(s.training?.branchRatioAtEnd ?? {}).map(([x, y]) => ({
        series: `${s.label}, when training stopped`,
        x: sublayer(x),
        y,
      })),
    ]),
    caption: captionOf(() => {
      const zero = shown.filter((s) => largest(s.branchRatio) === 0).map((s) => quoted(s.label));
      const start = zero.length
        ? `At initialization every branch of ${list(zero)} adds exactly zero`
        : 'No stack starts with zero branches';
      const r = m.stacks.rezero;
      const pre = m.stacks.preLn;
      if (!r.training || !pre.training) return `${start}.`;
      const c = compare(largest(r.training.branchRatioAtEnd), largest(pre.training.branchRatioAtEnd), 0.1);
      const how = c === 'about the same' ? 'about as large as' : c === 'lower' ? 'smaller than' : 'larger than';
      return `${start}; when training stopped, the largest branch of ${quoted(r.label)} is ${how} the largest of ${quoted(pre.label)}.`;
    }),
  });
  if (trained.length)
    specs.push({
      ...lossChart(
        'Training loss until the target',
        trained.flatMap((s) => thinCurve(s.label, s.training.loss)),
      ),
      rules: [{ value: m.targetLoss, label: 'target' }],
      caption: captionOf(() => {
        const pre = m.stacks.preLn.training;
        if (!pre) return undefined;
        const others = trained.filter((s) => s !== m.stacks.preLn);
        const words = others.map((s) => {
          const [a, b] = [s.training.stepsToTarget, pre.stepsToTarget];
          if (a === null) return `${quoted(s.label)} does not reach the target within ${m.steps} steps`;
          if (b === null) return `${quoted(s.label)} reaches the target, which Pre-LN does not`;
          const c = compare(a, b, 0.1);
          return `${quoted(s.label)} reaches it ${c === 'about the same' ? 'in about as many steps as' : c === 'lower' ? 'in fewer steps than' : 'in more steps than'} Pre-LN`;
        });
        return `${words.join('; ')}.`;
      }),
    });
  return specs;
};
