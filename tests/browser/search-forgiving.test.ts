// Search that forgives, through the UI on the built site: paraphrases of the thread's worries, in a learner's
// own words and word forms, find their page in the top 3 (synonyms and word forms come from
// src/data/search-synonyms.ts, never from the pages); a query no question has every word of falls back to
// partial matches and says so; a query that matches nothing suggests the closest questions; glossary
// entries are found and listed apart; excerpts are prose (no evidence box, chart legend, code or anchor).
import { describe, expect, it } from 'vitest';
import { useSite } from './harness.ts';
import { openSearch, search, sharedSearch } from './search-ui.ts';

const site = useSite();

/** Paraphrased probes: what a learner might type for a worry of the thread, and the page that answers it. */
export const PARAPHRASES: Array<[query: string, id: string]> = [
  ['does the skip connection tame exploding gradients', 'vanishing-or-exploding-gradients'],
  ['why do gradients blow up if we normalise anyway', 'vanishing-or-exploding-gradients'],
  ['adding the input back undoes what the sublayer learned', 'does-adding-undo-the-update'],
  ['is adding the previous state wasted work', 'does-adding-undo-the-update'],
  ['does the residual average the output with the input', 'does-adding-undo-the-update'],
  ['shortcut connection versus residual connection', 'skip-vs-residual'],
  ['concatenating features instead of adding them', 'skip-vs-residual'],
  ['is attention just a fixed computation on matrices', 'is-attention-a-neural-network'],
  ['does attention have trainable weights', 'is-attention-a-neural-network'],
  ['is the right shift the same as teacher forcing', 'shifted-right-vs-teacher-forcing'],
  ['without the mask training is leaking the answer', 'shifted-right-vs-teacher-forcing'],
  ['source language embedding and target language embedding', 'input-and-output-embedding'],
  ['LN before or after the sublayer', 'post-ln-vs-pre-ln'],
  ['why do modern models use pre-norm', 'post-ln-vs-pre-ln'],
  ['learning rate warmup post-norm', 'post-ln-vs-pre-ln'],
  ['how does add and norm make training quicker', 'how-add-and-norm-speeds-up-training'],
  ['fewer training steps less processing time', 'how-add-and-norm-speeds-up-training'],
  ['does block 2 remember the original sentence', 'residual-as-a-reminder'],
  ['what is inside one decoder layer', 'anatomy-of-a-decoder-layer'],
  ['why normalise after the residual connection', 'why-add-and-norm'],
];

describe('paraphrased worries find their page in the top 3', () => {
  const shared = sharedSearch(site);
  it('there are 20 distinct paraphrases', () => expect(new Set(PARAPHRASES.map(([q]) => q)).size).toBe(20));

  it.each(PARAPHRASES)('"%s" → /questions/%s/', async (query, id) => {
    const results = await search(shared.w.page, query);
    expect(results.slice(0, 3), `search for "${query}": results in order were [${results.join(', ')}]`).toContain(`/questions/${id}/`);
    expect(shared.w.problemList(), 'problems while searching').toEqual([]);
  });
});

describe('word forms, spellings and synonyms', () => {
  // Each pair: two ways of saying one thing; both must find the same first page.
  const PAIRS: Array<[string, string]> = [
    ['normalise', 'normalize'],
    ['leaking', 'leakage'],
    ['shortcut connection', 'skip connection'],
    ['LN', 'LayerNorm'],
    ['layer normalization', 'LN'],
    ['pre-norm', 'Pre-LN'],
    ['gradients blow up', 'exploding gradients'],
  ];
  const shared = sharedSearch(site);
  it.each(PAIRS)('"%s" finds what "%s" finds first', async (a, b) => {
    const first = await search(shared.w.page, b);
    expect(first.length, `"${b}" finds something`).toBeGreaterThan(0);
    const second = await search(shared.w.page, a);
    expect(second.slice(0, 3), `"${a}": [${second.join(', ')}]; "${b}": [${first.join(', ')}]`).toContain(first[0]);
    expect(shared.w.problemList(), 'problems while searching').toEqual([]);
  });
});

describe('when nothing has every word', () => {
  it('a query with one word no page has falls back to partial matches, and says so', async () => {
    const watched = await openSearch(site);
    try {
      const { page } = watched;
      const results = await search(page, 'residual connection zyxwvut gradients');
      expect(results.length, 'partial matches shown').toBeGreaterThan(0);
      expect(await page.getAttribute('ol[data-search-results]', 'data-search-mode')).toBe('partial');
      expect(await page.textContent('[data-search-status]')).toMatch(/No question has all of your words/);
      expect(watched.problemList()).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it('a query that matches nothing at all suggests the closest questions (typos included)', async () => {
    const watched = await openSearch(site);
    try {
      const { page } = watched;
      const results = await search(page, 'vanshing gradiants');
      expect(await page.getAttribute('ol[data-search-results]', 'data-search-mode')).toBe('closest');
      expect(results.slice(0, 3), `suggestions: [${results.join(', ')}]`).toContain('/questions/vanishing-or-exploding-gradients/');
      expect(await page.textContent('[data-search-status]')).toMatch(/No question matches .*Perhaps/);
      expect(watched.problemList()).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});

describe('clean results', () => {
  it('glossary entries are searchable and listed apart from the questions', async () => {
    const watched = await openSearch(site);
    try {
      const { page } = watched;
      await search(page, 'rank collapse');
      await page.locator('[data-search-glossary] a[href]').first().waitFor({ timeout: 10_000 });
      const glossary = await page.$$eval('[data-search-glossary] a[href]', (as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash),
      );
      expect(glossary, 'glossary results').toContain('/glossary/#rank-collapse');
      const questions = await page.$$eval('ol[data-search-results] a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(
        questions.filter((h) => h.includes('/glossary/')),
        'no glossary entry among the questions',
      ).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it('excerpts are prose: no evidence box, legend, code, TeX or heading anchor text', async () => {
    const watched = await openSearch(site);
    try {
      const { page } = watched;
      const texts: string[] = [];
      for (const q of ['claim verdict seeds', 'reference run backend', 'section titled', 'layers depth loss']) {
        await search(page, q);
        texts.push(...(await page.$$eval('ol[data-search-results] .result-excerpt', (es) => es.map((e) => e.textContent ?? ''))));
      }
      const bad = texts.filter((t) =>
        /Section titled|Reference run: experiment|Holds on (each|the mean)|\\text\{|\\frac|Permalink to|Run experiment E\d/.test(t),
      );
      expect(bad, 'excerpts with non-prose text').toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it('results are compact: with a common word, at least four fit in the dialog at 1280×800', async () => {
    const watched = await openSearch(site);
    try {
      const { page } = watched;
      await page.setViewportSize({ width: 1280, height: 800 });
      const results = await search(page, 'residual');
      expect(results.length).toBeGreaterThanOrEqual(4);
      const visible = await page.$$eval('ol[data-search-results] li', (lis) => {
        const box = document.querySelector('dialog[data-search]')!.getBoundingClientRect();
        return lis.filter((li) => li.getBoundingClientRect().bottom <= box.bottom).length;
      });
      expect(visible, 'results fully visible without scrolling the dialog').toBeGreaterThanOrEqual(4);
    } finally {
      await watched.context.close();
    }
  });
});
