// The first sentence of a plain-text short answer (for the social card), by the same sentence ends as
// src/build/content/sentences.ts: . ! or ? followed by a capital, digit or opening mark; abbreviations do not end one.
const ABBREVIATIONS = /\b(?:e\.g|i\.e|et al|etc|cf|vs|Fig|Eq|Sec|Tab|approx|resp)\.$/i;

export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const end = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d]|\s*$)/gu;
  for (let m = end.exec(trimmed); m; m = end.exec(trimmed)) {
    const upto = trimmed.slice(0, m.index + m[0].length);
    if (ABBREVIATIONS.test(trimmed.slice(0, m.index + 1)) && upto.length < trimmed.length) continue;
    return upto;
  }
  return trimmed;
}
