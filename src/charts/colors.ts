// One colour per variant across the whole site: Post-LN is always the same blue, Pre-LN the same orange, on
// every chart of every page (build-time SVG and live charts alike). Series are matched by what they name;
// other series take the remaining palette colours in order; reference lines (chance, floors) are grey.

/** Mid-tone colours with ≥ 3:1 contrast on both white and near-black backgrounds. */
export const PALETTE = ['#3b82f6', '#e8590c', '#2f9e44', '#c2255c', '#7048e8', '#0c8599', '#b5891b', '#868e96'];

const GREY = '#868e96';

/** The variant a series names, most specific first ("full block (Post-LN)" → Post-LN). */
const VARIANTS: [RegExp, string][] = [
  [/chance|floor|target/i, GREY],
  [/pre[- ]?ln|pre-norm/i, '#e8590c'],
  [/post[- ]?ln|post-norm/i, '#3b82f6'],
  [/residual[- ,]*(no|without)[- ]norm/i, '#c2255c'],
  [/norm[- ,]*(no|without)[- ]residual|ln only|norm only/i, '#2f9e44'],
  [/neither|plain/i, '#7048e8'],
];

function variantColor(series: string): string | undefined {
  return VARIANTS.find(([re]) => re.test(series))?.[1];
}

/**
 * The colours of a chart's series, in order. A series naming a known variant takes that variant's colour; a
 * second series of the same variant (another learning rate, say) takes the next free palette colour, so two
 * lines of one chart never share a colour.
 */
export function seriesColors(series: readonly string[]): string[] {
  const used = new Set<string>();
  const fixed = series.map((s) => {
    const c = variantColor(s);
    if (!c || (used.has(c) && c !== GREY)) return undefined;
    used.add(c);
    return c;
  });
  const free = PALETTE.filter((c) => !used.has(c) && c !== GREY);
  let next = 0;
  return fixed.map((c) => c ?? free[next++ % Math.max(1, free.length)] ?? GREY);
}
