// One colour per variant across the whole site: Post-LN is always the same blue, Pre-LN the same orange, on
// every chart of every page (build-time SVG and live charts alike). Series are matched by what they name;
// other series take the remaining palette colours in order; reference lines (chance, floors) are grey.
// Two series of one chart never look the same: a series that shares its variant's colour with another (the
// same wrapping at another learning rate, say) gets another dash (lines) or a lighter fill (bars).

/** Mid-tone colours with ≥ 3:1 contrast on both white and near-black backgrounds. */
export const PALETTE = ['#3b82f6', '#e8590c', '#2f9e44', '#c2255c', '#7048e8', '#0c8599', '#b5891b', '#868e96'];

export const GREY = '#868e96';
export const POST_LN = '#3b82f6';
export const PRE_LN = '#e8590c';

/** The variant a series names, most specific first ("full block (Post-LN)" → Post-LN). */
const VARIANTS: [RegExp, string, string][] = [
  [/chance|floor|target/i, 'reference', GREY],
  [/final[- ]?ln/i, 'final-ln', '#b5891b'],
  [/pre[- ]?ln|pre-norm/i, 'pre-ln', PRE_LN],
  [/post[- ]?ln|post-norm/i, 'post-ln', POST_LN],
  [/residual[- ,]*(no|without)[- ]norm/i, 'residual-no-norm', '#c2255c'],
  [/norm[- ,]*(no|without)[- ]residual|ln only|norm only/i, 'norm-no-residual', '#2f9e44'],
  [/neither|plain/i, 'neither', '#7048e8'],
];

/** Colours of no named variant first, so an unnamed series looks like Post-LN or Pre-LN only when all else is taken. */
const FREE_ORDER = ['#0c8599', '#b5891b', '#2f9e44', '#c2255c', '#7048e8', '#e8590c', '#3b82f6'];

/** Line dashes by how many series of the chart already use the colour (the first is solid). */
export const DASHES = ['', '6 3', '2 3', '10 3 2 3', '1 5', '14 4'];
/** Bar fill opacities, likewise (a bar is also named by its row label). */
export const FILLS = [1, 0.55, 0.25, 0.8, 0.4, 0.15];

export interface SeriesStyle {
  color: string;
  /** 0 for the first series of its colour in the chart, 1 for the second, … (index into DASHES and FILLS). */
  variation: number;
}

/** A series' group: the variant it names, else its text before the first ", " or ": " ("trained by free running, fed true tokens"). */
function groupOf(series: string): { key: string; color?: string } {
  const known = VARIANTS.find(([re]) => re.test(series));
  if (known) return { key: known[1], color: known[2] };
  return { key: series.split(/, |: /)[0]! };
}

/**
 * The styles of a chart's series, in order. A series naming a known variant takes that variant's colour; the
 * other groups take free colours in order (cycling when there are more groups than colours). Within a colour,
 * each further series gets the next variation, so no two series of a chart share both colour and variation.
 */
export function seriesStyles(series: readonly string[]): SeriesStyle[] {
  const groups = series.map(groupOf);
  const taken = new Set(groups.map((g) => g.color).filter((c) => c !== undefined));
  const free = FREE_ORDER.filter((c) => !taken.has(c));
  const colorOf = new Map<string, string>();
  let next = 0;
  const uses = new Map<string, number>();
  return groups.map((g) => {
    let color = colorOf.get(g.key) ?? g.color;
    if (!color) {
      color = free.length > 0 ? free[next++ % free.length]! : FREE_ORDER[next++ % FREE_ORDER.length]!;
      colorOf.set(g.key, color);
    }
    const variation = uses.get(color) ?? 0;
    uses.set(color, variation + 1);
    return { color, variation };
  });
}

/** The colours alone (a variant's colour is the same on every chart). */
export function seriesColors(series: readonly string[]): string[] {
  return seriesStyles(series).map((s) => s.color);
}
