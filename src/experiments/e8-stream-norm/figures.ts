// The charts of E8's measurements (the stored run's at build time, a live run's in the page).
import { wideRange, type Curves, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, change, grouped, wrapping } from '~/charts/caption-words';

const byDepth = (c: Curves) => Object.entries(c).flatMap(([v, ys]) => ys.map((y, i) => ({ series: v, x: i, y })));

/** Where the input's coefficient in the stream ends, in words. */
function kept(c: number): string {
  if (c > 0.7) return 'stays near 1';
  if (c > 0.3) return 'falls';
  if (c >= -0.3) return 'falls to about 0';
  return 'turns negative';
}

export const figures: FigureMaker = (m: { streamNorm: Curves; inputCoefficient: Curves }) => {
  const rows = byDepth(m.streamNorm);
  // Without a norm the stream grows so large that its coefficient on x₀ is swamped by noise: not shown.
  const coefficients = Object.fromEntries(Object.entries(m.inputCoefficient).filter(([v]) => v !== 'residual, no norm'));
  return [
    {
      title: 'Mean token norm of the residual stream',
      x: { label: 'block (0 = input)' },
      // Log once the norms span more than a factor of 20: on a linear axis the unnormalized stream flattens the rest.
      y: { label: '‖x‖', log: wideRange(rows, 20) },
      mark: 'line',
      rows,
      // From block 1 on: the first block rescales the embedding (a norm brings it to √d), which is not growth.
      caption: captionOf(
        () =>
          `After the first block, the stream's norm ${grouped(Object.entries(m.streamNorm).map(([v, ys]) => [wrapping(v), change(ys[1]!, ys.at(-1)!)]))}.`,
      ),
    },
    {
      title: 'The input’s coefficient in the stream ⟨x_l, x₀⟩/⟨x₀, x₀⟩',
      x: { label: 'block (0 = input)' },
      y: { label: 'coefficient on x₀' },
      mark: 'line',
      rows: byDepth(coefficients),
      caption: captionOf(
        () =>
          `By the last block, the input's coefficient ${grouped(Object.entries(coefficients).map(([v, ys]) => [wrapping(v), kept(ys.at(-1)!)]))}.`,
      ),
    },
  ];
};
