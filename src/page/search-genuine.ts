// Whether a Pagefind result really contains the words searched for (pure, unit-tested in Node). When a
// word is missing from the index, Pagefind shortens it until some indexed word starts with what is left,
// down to a letter or two: "vanshing" then matches any "v". A result counts only when the page has, for
// each searched word, a word sharing its first 60 % of letters (at least 3, or the whole word if shorter),
// which keeps word forms (normalise → normalization) and drops those stray matches.

export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function stemPrefix(word: string): string {
  return word.length <= 3 ? word : word.slice(0, Math.max(3, Math.ceil(word.length * 0.6)));
}

/** True when every word of `query` has a word in `content` that starts with its stem prefix. */
export function hasEveryWord(content: string, query: string): boolean {
  const words = wordsOf(content);
  return wordsOf(query).every((q) => {
    const prefix = stemPrefix(q);
    return words.some((w) => w.startsWith(prefix));
  });
}
