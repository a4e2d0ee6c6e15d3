// Counts sentences in a short answer (plain text), for the schema's "2–4 sentences" rule. A sentence ends at
// . ! or ? (after optional closing quotes/brackets) followed by whitespace and a capital, a digit or an
// opening mark, or by the end of the text; common abbreviations (e.g., i.e., et al., Fig., §) do not end one.
const ABBREVIATIONS = /\b(?:e\.g|i\.e|et al|etc|cf|vs|Fig|Eq|Sec|Tab|approx|resp)\.$/i;

export function countSentences(text: string): number {
  const trimmed = text.trim();
  if (!trimmed) return 0;
  let count = 0;
  const end = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d]|\s*$)/gu;
  for (let m = end.exec(trimmed); m; m = end.exec(trimmed)) {
    const upto = trimmed.slice(0, m.index + 1);
    if (ABBREVIATIONS.test(upto) && m.index + m[0].length < trimmed.length) continue;
    count++;
  }
  // Text that does not end in a full stop still holds one (unterminated) sentence.
  if (!/[.!?]["'”’)\]]*\s*$/u.test(trimmed)) count++;
  return count;
}
