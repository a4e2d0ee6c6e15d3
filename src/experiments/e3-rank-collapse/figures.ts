// The charts of E3's measurements (the stored run's at build time, a live run's in the page).
import { type FigureMaker } from '~/charts/figure-helpers';
import { captionOf } from '~/charts/caption-words';

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
      caption: captionOf(() => {
        const withSkips = m.relResidual['with skips'];
        const without = m.relResidual['without skips'];
        if (!withSkips || !without) return undefined;
        const stacks = Object.keys(without).filter((s) => withSkips[s]);
        const ends = stacks.map((s) => [without[s]!.at(-1)!, withSkips[s]!.at(-1)!] as const);
        if (ends.length === 0) return undefined;
        const word = ends.every(([a, b]) => a < b / 10) ? 'far lower' : ends.every(([a, b]) => a < b) ? 'lower' : undefined;
        if (!word) return undefined;
        // A relative residual near 0 means every token is close to the mean token: they have become nearly identical.
        const collapse = ends.every(([a]) => a < 0.01) ? ': without skips the tokens become nearly identical' : '';
        return `Every stack's relative residual ends ${word} without skips than with them${collapse}.`;
      }),
    },
  ];
};
