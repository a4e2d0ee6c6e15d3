// Words for the one-sentence captions of the experiments' charts. A caption is computed from the numbers the
// chart draws (stored run at build time, the reader's run in the page), so a run with other settings gets the
// sentence its own data supports: the wording is chosen by comparing values, and no number is typed.

/** How a positive quantity changes from `from` to `to`, in words. */
export function change(from: number, to: number): string {
  const r = to / from;
  if (!Number.isFinite(r) || r <= 0) return 'changes sign';
  if (r > 10) return 'grows more than tenfold';
  if (r > 2) return 'grows';
  if (r > 1.25) return 'grows a little';
  if (r >= 0.8) return 'stays about level';
  if (r >= 0.5) return 'shrinks a little';
  if (r >= 0.1) return 'shrinks';
  return 'shrinks more than tenfold';
}

/** a, b and c */
export function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "grows with A and with B, and stays about level with C": phrases grouped by their word, in first-seen order. */
export function grouped(entries: readonly [phrase: string, word: string][]): string {
  const words = [...new Set(entries.map(([, w]) => w))];
  return list(words.map((w) => `${w} ${list(entries.filter(([, x]) => x === w).map(([n]) => n))}`));
}

/** The wrapping a series names, as a phrase ("with Pre-LN", "without residual or norm"); else "for <series>". */
export function wrapping(series: string): string {
  if (/final[- ]?ln/i.test(series)) return 'with a residual, no norm and a final norm';
  if (/pre[- ]?ln/i.test(series)) return 'with Pre-LN';
  if (/post[- ]?ln/i.test(series)) return 'with Post-LN';
  if (/residual[- ,]*(no|without)[- ]norm/i.test(series)) return 'with a residual and no norm';
  if (/norm[- ,]*(no|without)[- ]residual/i.test(series)) return 'with a norm and no residual';
  if (/neither/i.test(series)) return 'without residual or norm';
  return `for ${series}`;
}

/** A name as the legend shows it, in quotes (series names are lower-case ids such as “no causal mask”). */
export const quoted = (name: string) => `“${name}”`;

/** "lower" / "higher" / "about the same", with a relative tolerance (default 10 %). */
export function compare(a: number, b: number, tolerance = 0.1): 'lower' | 'higher' | 'about the same' {
  if (Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b))) return 'about the same';
  return a < b ? 'lower' : 'higher';
}

/** Mean of the last `n` finite values (the end of a noisy training curve). */
export function endOf(ys: readonly (number | null)[], n = 5): number {
  const v = ys.filter((y): y is number => typeof y === 'number' && Number.isFinite(y)).slice(-n);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
}

/** A caption from a function of the data, or none when the data is incomplete (a partial or edited run). */
export function captionOf(make: () => string | undefined): string | undefined {
  try {
    const text = make();
    return text && !/NaN|undefined|Infinity/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** First letter upper-case (a caption that starts with a series name). */
export const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
