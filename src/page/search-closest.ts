// The closest questions to a query that matched nothing, not even in part (pure, unit-tested in Node): by
// the share of the query's letter triples (character trigrams of each word) found in the candidate's text,
// which survives typos such as "vanshing gradiants" that no index lookup can.

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const g = padded.slice(i, i + 3);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** How much of the query's letter triples the text shares, 0..1 (1: every triple of the query is there). */
export function likeness(query: string, text: string): number {
  const q = trigrams(query);
  const t = trigrams(text);
  let qTotal = 0;
  let shared = 0;
  for (const [g, n] of q) {
    qTotal += n;
    shared += Math.min(n, t.get(g) ?? 0);
  }
  return qTotal === 0 ? 0 : shared / qTotal;
}

/** The `count` candidates most like the query (best first), leaving out those sharing under `floor` of it. */
export function closest<T>(query: string, candidates: readonly T[], textOf: (c: T) => string, count = 3, floor = 0.4): T[] {
  return candidates
    .map((c) => ({ c, s: likeness(query, textOf(c)) }))
    .filter((x) => x.s >= floor)
    .sort((a, b) => b.s - a.s)
    .slice(0, count)
    .map((x) => x.c);
}
