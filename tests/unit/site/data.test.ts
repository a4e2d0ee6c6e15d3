// The reference data the pages are built from: every paper of the science brief, well-formed ids, a glossary
// that covers the terms and whose cross-references resolve.
import { describe, expect, test } from 'vitest';
import { glossary, glossaryEntry } from '~/data/glossary';
import { isPaperKey, PAPER_KEYS, paperByKey, papers, paperUrl, shortCitation } from '~/data/papers';
import { TOPIC_IDS, topicById } from '~/data/topics';
import { claimAnchor, assertVerdict } from '~/build/verdicts';

describe('papers', () => {
  test('every key of the science brief is there', () => {
    const keys = [
      'Vas17',
      'He16a',
      'He16b',
      'Xio20',
      'Liu20',
      'Don21',
      'Noc22',
      'Vei16',
      'Bal17',
      'Phi17',
      'Ba16',
      'Glo10',
      'Ben94',
      'Pas13',
      'WZ89',
      'Ben15',
      'Ran16',
      'PW17',
      'Hua17',
      'Ron15',
      'Sri15',
      'Wan19',
      'DeepNet22',
      'ReZ20',
      'Fixup19',
    ];
    for (const key of keys) expect(isPaperKey(key), key).toBe(true);
  });
  test('each has authors, a title, a year, a venue and a link; arXiv ids are well formed', () => {
    for (const key of PAPER_KEYS) {
      const p = papers[key];
      expect(p.key).toBe(key);
      expect(p.authors.length).toBeGreaterThan(0);
      expect(p.title.length).toBeGreaterThan(3);
      expect(p.year).toBeGreaterThanOrEqual(1989);
      expect(p.venue.length).toBeGreaterThan(2);
      if ('arxiv' in p) expect(p.arxiv).toMatch(/^\d{4}\.\d{4,5}$/);
      expect(paperUrl(p)).toMatch(/^https:\/\//);
    }
  });
  test('an unknown key is an error that names it', () => {
    expect(() => paperByKey('Nobody99')).toThrow(/unknown citation key "Nobody99"/);
  });
  test('short citations read author–year', () => {
    expect(shortCitation(papers.Vas17)).toBe('Vaswani et al., 2017');
    expect(shortCitation(papers.Glo10)).toBe('Glorot & Bengio, 2010');
  });
});

describe('glossary', () => {
  test('covers every term the issue lists', () => {
    for (const id of [
      'residual-connection',
      'skip-connection',
      'layer-normalization',
      'post-ln',
      'pre-ln',
      'teacher-forcing',
      'exposure-bias',
      'shifted-right',
      'causal-mask',
      'vanishing-gradients',
      'exploding-gradients',
      'rank-collapse',
      'warmup',
    ]) {
      expect(glossaryEntry(id).id).toBe(id);
    }
  });
  test('ids are unique slugs and every cross-reference resolves', () => {
    const ids = glossary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of glossary) {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const k of e.cites ?? []) expect(isPaperKey(k), `${e.id} cites ${k}`).toBe(true);
      for (const s of e.see ?? []) expect(() => glossaryEntry(s), `${e.id} sees ${s}`).not.toThrow();
    }
  });
  test('an unknown term is an error that names it', () => {
    expect(() => glossaryEntry('nope')).toThrow(/unknown glossary term "nope"/);
  });
});

describe('topics and verdicts', () => {
  test('every topic id has a page entry', () => {
    for (const id of TOPIC_IDS) expect(topicById(id).id).toBe(id);
  });
  test('a thread claim gets a stable permalink id', () => {
    expect(claimAnchor('(a)')).toBe('claim-a');
    expect(claimAnchor('(h)')).toBe('claim-h');
    expect(() => claimAnchor('()')).toThrow(/no letters or digits/);
  });
  test('a verdict must be right, partly or wrong', () => {
    expect(assertVerdict('partly')).toBe('partly');
    expect(() => assertVerdict('maybe')).toThrow(/v="maybe"/);
  });
});

test('two papers with the same authors and year get a and b', () => {
  expect(shortCitation(papers.He16a)).toBe('He et al., 2016a');
  expect(shortCitation(papers.He16b)).toBe('He et al., 2016b');
  expect(shortCitation(papers.Sri15)).toBe('Srivastava et al., 2015a');
});
