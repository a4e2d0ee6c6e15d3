// Query expansion for the search dialog (pure, unit-tested in Node). A query is split into words; runs of
// words that belong to a synonym group (src/data/search-synonyms.ts) become spans, longest match first.
// expandQuery() lists the query itself and then variants with other members of the groups in place of the
// typed ones (fewest substitutions first); contentSpans() gives the query's meaningful parts, which the
// dialog searches one by one when no page has them all.

export interface Span {
  /** the words as typed (lower case, joined by one space) */
  text: string;
  /** the typed text first, then the other members of its synonym group (empty group: just the text) */
  alternatives: string[];
}

/** Words that carry no meaning for a search on their own (used only to pick the parts of a partial match). */
const STOP_WORDS = new Set(
  `a an and are as at be but by can do does doesn't did for from how i if in into is isn't it its just me my
  not of on or so than that the their them then there these they this those to too us was we were what when
  where which while who why will with would you your same thing one other each every don't have has had
  having get gets got any some all also only very really actually still anyway just should could`.split(/\s+/),
);

/** Lower case, split on anything but letters, digits, hyphens and apostrophes; no empty words. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Builds a lookup of every group member (a phrase) to its group; rejects malformed data with a clear message. */
export function synonymIndex(groups: readonly (readonly string[])[]): Map<string, readonly string[]> {
  const index = new Map<string, readonly string[]>();
  groups.forEach((group, i) => {
    if (group.length < 2) throw new Error(`search synonyms: group ${i + 1} (${JSON.stringify(group)}) needs at least two members`);
    for (const member of group) {
      if (member !== queryWords(member).join(' ')) {
        throw new Error(`search synonyms: "${member}" in group ${i + 1} must be lower case words separated by single spaces`);
      }
      const other = index.get(member);
      if (other) throw new Error(`search synonyms: "${member}" is in two groups (${JSON.stringify(other)} and ${JSON.stringify(group)})`);
      index.set(member, group);
    }
  });
  return index;
}

const MAX_PHRASE_WORDS = 3;

/** The query as spans: each maximal run of words found in a group, else a single word. */
export function querySpans(query: string, index: Map<string, readonly string[]>): Span[] {
  const words = queryWords(query);
  const spans: Span[] = [];
  for (let i = 0; i < words.length;) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      const text = words.slice(i, i + n).join(' ');
      const group = index.get(text);
      if (group) {
        spans.push({ text, alternatives: [text, ...group.filter((m) => m !== text)] });
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      spans.push({ text: words[i]!, alternatives: [words[i]!] });
      i += 1;
    }
  }
  return spans;
}

/**
 * The query, then its variants with synonyms substituted, at most `max` in all, fewest substitutions first.
 * Every string is a space-separated query for Pagefind (which requires every word of a query).
 */
export function expandQuery(query: string, index: Map<string, readonly string[]>, max = 24): string[] {
  return expandSpans(querySpans(query, index), max);
}

/** expandQuery() for spans already found (e.g. contentSpans(), the query without its stop words). */
export function expandSpans(spans: readonly Span[], max = 24): string[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`expandQuery: max must be a whole number ≥ 1, got ${max}`);
  if (spans.length === 0) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  // Breadth-first over the number of substituted spans: 0, then 1, then 2, ...
  let layer: number[][] = [spans.map(() => 0)];
  while (layer.length > 0 && out.length < max) {
    const next: number[][] = [];
    for (const choice of layer) {
      const q = choice.map((c, i) => spans[i]!.alternatives[c]!).join(' ');
      if (!seen.has(q)) {
        seen.add(q);
        out.push(q);
        if (out.length >= max) break;
      }
      // Substitute one more span, only after the last substituted one (each combination once).
      const last = choice.reduce((at, c, i) => (c > 0 ? i : at), -1);
      for (let i = last + 1; i < spans.length; i++) {
        for (let a = 1; a < spans[i]!.alternatives.length; a++) {
          const more = [...choice];
          more[i] = a;
          next.push(more);
        }
      }
    }
    layer = next;
  }
  return out;
}

/** The spans that mean something on their own (stop words dropped), for a search by parts. */
export function contentSpans(query: string, index: Map<string, readonly string[]>): Span[] {
  return querySpans(query, index).filter((s) => !STOP_WORDS.has(s.text) && (s.text.length > 1 || /\d/.test(s.text)));
}
