// Search key words derived from a question's own text: its content words, lower-cased, without the
// function words a learner's phrasing is full of ("why", "is", "the", ...), in the order they appear.
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here how i if in into is
  it its itself just me more most my no nor not now of off on once only or other our out over own same she should so
  some such than that the their them then there these they this those through to too under until up very was we were
  what when where which while who whom why will with would you your instead really actually exactly need needed use
  used using get gets`.split(/\s+/),
);

export function keyWords(question: string): string[] {
  const words = question
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  return [...new Set(words)];
}

/** The word (≥ 4 letters, not a stop word) that occurs in the most texts: a query that finds many pages. */
export function commonestWord(texts: string[]): { word: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const w of new Set(keyWords(text).filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w)))) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best && { word: best[0], count: best[1] };
}
