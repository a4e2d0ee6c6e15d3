// Combining Pagefind result lists (pure, unit-tested in Node): the union of several searches, each page once
// at its best score; and, when no page matches the whole query, pages ranked by how many of the query's
// parts they match.

export interface Scored {
  id: string;
  score: number;
}

/** Each page once, with its highest score over the lists, best first (ties: first seen first). */
export function unionByBestScore<T extends Scored>(lists: readonly (readonly T[])[]): T[] {
  const best = new Map<string, T>();
  for (const list of lists) {
    for (const r of list) {
      const had = best.get(r.id);
      if (!had || r.score > had.score) best.set(r.id, r);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

export interface PartialMatch<T> {
  result: T;
  /** indexes of the query parts this page matches */
  parts: number[];
}

/**
 * `perPart[i]` holds the results for part i of the query. Pages are ranked by the number of parts they
 * match, then by the sum of their scores; pages that match no part are absent.
 */
export function rankByParts<T extends Scored>(perPart: readonly (readonly T[])[]): PartialMatch<T>[] {
  const byId = new Map<string, { result: T; parts: number[]; total: number }>();
  perPart.forEach((list, part) => {
    for (const r of list) {
      const entry = byId.get(r.id) ?? { result: r, parts: [], total: 0 };
      if (!entry.parts.includes(part)) {
        entry.parts.push(part);
        entry.total += r.score;
      }
      byId.set(r.id, entry);
    }
  });
  return [...byId.values()]
    .sort((a, b) => b.parts.length - a.parts.length || b.total - a.total)
    .map(({ result, parts }) => ({ result, parts }));
}
