import { describe, expect, test } from 'vitest';
import { SEARCH_SYNONYMS } from '../../../src/data/search-synonyms';
import { contentSpans, expandQuery, querySpans, queryWords, synonymIndex } from '~/page/search-expand';
import { rankByParts, unionByBestScore } from '~/page/search-rank';
import { closest, likeness } from '~/page/search-closest';
import { hasEveryWord, stemPrefix } from '~/page/search-genuine';

const index = synonymIndex(SEARCH_SYNONYMS);

describe('synonym data', () => {
  test('the site’s groups are well formed (lower case, no member in two groups)', () => {
    expect(index.size).toBeGreaterThan(50);
  });
  test('malformed groups are refused with a message naming the member', () => {
    expect(() => synonymIndex([['LN', 'layernorm']])).toThrow(/"LN" in group 1 must be lower case/);
    expect(() =>
      synonymIndex([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    ).toThrow(/"b" is in two groups/);
    expect(() => synonymIndex([['alone']])).toThrow(/group 1 .* needs at least two members/);
  });
});

describe('query expansion', () => {
  test('words: lower case, punctuation dropped, hyphens kept', () => {
    expect(queryWords('Pre-LN, or post-norm?')).toEqual(['pre-ln', 'or', 'post-norm']);
  });
  test('phrases are matched longest first', () => {
    expect(querySpans('skip connection helps', index).map((s) => s.text)).toEqual(['skip connection', 'helps']);
  });
  test('the query comes first, then single substitutions', () => {
    const q = expandQuery('leaking mask', index, 5);
    expect(q[0]).toBe('leaking mask');
    expect(q).toContain('leakage mask');
    expect(q.length).toBe(5);
  });
  test('abbreviations and field synonyms', () => {
    expect(expandQuery('LN', index)).toContain('layer normalization');
    expect(expandQuery('pre-norm', index)).toContain('pre-ln');
    expect(expandQuery('gradients blow up', index)).toContain('gradients exploding');
    expect(expandQuery('shortcut connection', index)).toContain('skip connection');
  });
  test('two groups: every combination once', () => {
    const q = expandQuery('normalise ln', index, 1000);
    expect(new Set(q).size).toBe(q.length);
    expect(q).toContain('normalize layernorm');
  });
  test('a bad limit is refused', () => {
    expect(() => expandQuery('x', index, 0)).toThrow(/max must be a whole number ≥ 1, got 0/);
  });
  test('content spans leave out stop words', () => {
    expect(contentSpans('why does the residual leak', index).map((s) => s.text)).toEqual(['residual', 'leak']);
  });
});

describe('ranking', () => {
  test('union keeps each page once at its best score', () => {
    const u = unionByBestScore([
      [
        { id: 'a', score: 1 },
        { id: 'b', score: 3 },
      ],
      [{ id: 'a', score: 5 }],
    ]);
    expect(u).toEqual([
      { id: 'a', score: 5 },
      { id: 'b', score: 3 },
    ]);
  });
  test('partial matches: most parts first, then summed score', () => {
    const r = rankByParts([
      [
        { id: 'a', score: 9 },
        { id: 'b', score: 1 },
      ],
      [{ id: 'b', score: 1 }],
      [],
    ]);
    expect(r.map((m) => [m.result.id, m.parts])).toEqual([
      ['b', [0, 1]],
      ['a', [0]],
    ]);
  });
});

describe('closest questions', () => {
  test('typos still share most letter triples', () => {
    expect(likeness('vanshing gradiants', 'Do residual connections fix vanishing gradients?')).toBeGreaterThan(0.4);
    expect(
      closest('vanshing gradiants', ['Is attention a neural network?', 'Do residual connections fix vanishing gradients?'], (s) => s)[0],
    ).toMatch(/vanishing/);
  });
  test('nothing alike: no suggestion', () => {
    expect(closest('zzzz qqqq', ['Is attention a neural network?'], (s) => s)).toEqual([]);
  });
});

describe('genuine matches', () => {
  test('word forms pass, stray prefix matches do not', () => {
    expect(stemPrefix('normalise')).toBe('normal');
    expect(hasEveryWord('Layer normalization rescales', 'normalise layer')).toBe(true);
    expect(hasEveryWord('the entropy floor ln V', 'vanshing')).toBe(false);
    expect(hasEveryWord('Pre-LN keeps the path clean', 'pre-ln')).toBe(true);
  });
});
