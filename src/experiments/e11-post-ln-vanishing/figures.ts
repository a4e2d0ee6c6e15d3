// The charts of E11's measurements (the stored run's at build time, a live run's in the page).
import { curves, type Curves, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, change, grouped, wrapping } from '~/charts/caption-words';

/** Which way the gradient's size goes from the top to the input, in words. */
function direction(r: number): string {
  if (r < 0.8) return 'smaller at the input than at the top';
  if (r <= 1.25) return 'about as large at the input as at the top';
  return 'larger at the input than at the top';
}

/** How much gradient the first block's weights get against the last block's, in words. */
function share(first: number, last: number): string {
  const r = first / last;
  if (r < 0.1) return 'far less gradient';
  if (r < 0.5) return 'less gradient';
  if (r <= 2) return 'about as much gradient';
  if (r <= 10) return 'more gradient';
  return 'far more gradient';
}

export const figures: FigureMaker = (m: {
  depths: number[];
  streamGradient: Record<string, number[][]>;
  perLayer: Record<string, number[][]>;
  inputToTop: Curves;
}) => {
  const deepest = m.depths.length - 1;
  const L = m.depths[deepest]!;
  // The deepest stack's curves, each relative to its own top, so the three start from 1 at the last block.
  const relative: Curves = Object.fromEntries(
    Object.entries(m.streamGradient).map(([v, byDepth]) => {
      const ys = byDepth[deepest]!;
      return [v, ys.map((y) => y / ys[ys.length - 1]!)];
    }),
  );
  const weights: Curves = Object.fromEntries(Object.entries(m.perLayer).map(([v, byDepth]) => [v, byDepth[deepest]!]));
  return [
    {
      title: 'Gradient at the input over gradient at the top, by depth',
      x: { label: 'layers in the stack' },
      y: { label: '‖∂L/∂x₀‖ / ‖∂L/∂x_L‖', log: true },
      mark: 'line',
      rows: curves(m.inputToTop, m.depths),
      caption: captionOf(
        () =>
          `In the deepest stack the gradient is ${grouped(Object.entries(m.inputToTop).map(([v, r]) => [wrapping(v), direction(r[deepest]!)]))}; from the shallowest stack to the deepest, that ratio ${grouped(
            Object.entries(m.inputToTop).map(([v, r]) => [wrapping(v), change(r[0]!, r[deepest]!)]),
          )}.`,
      ),
    },
    {
      title: `Gradient reaching the stream in the ${L}-layer stack, relative to the top`,
      x: { label: 'block (0 = input, l = after block l)' },
      y: { label: '‖∂L/∂x_l‖ / ‖∂L/∂x_L‖', log: true },
      mark: 'line',
      rows: Object.entries(relative).flatMap(([series, ys]) => ys.map((y, x) => ({ series, x, y }))),
      caption: captionOf(
        () =>
          `From the last block down to the input, the gradient ${grouped(Object.entries(relative).map(([v, ys]) => [wrapping(v), change(1, ys[0]!)]))}.`,
      ),
    },
    {
      title: `Gradient of each block’s weights in the ${L}-layer stack`,
      x: { label: 'block (1 = nearest the input)' },
      y: { label: '‖∂L/∂θ‖', log: true },
      mark: 'line',
      rows: curves(weights),
      caption: captionOf(
        () =>
          `Compared with the last block's weights, the first block's get ${grouped(Object.entries(weights).map(([v, ys]) => [wrapping(v), share(ys[0]!, ys[ys.length - 1]!)]))}.`,
      ),
    },
  ];
};
