// Search through the UI on the built site (Pagefind served as static files): each question is found
// first by its own key words, fixed probes find their pages, the topic filter narrows the results,
// and the keyboard shortcut opens the dialog.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtQuestions, openPage, topicMembers, useSite, type BuiltQuestion } from './harness.ts';
import { openSearch, search, sharedSearch } from './search-ui.ts';
import { commonestWord, keyWords } from './keywords.ts';

const site = useSite();
const questions = builtQuestions();

/** Fixed probes from the issue: a reader's words and the page they must find first. */
const PROBES: Array<[query: string, id: string]> = [
  ['teacher forcing', 'shifted-right-vs-teacher-forcing'],
  ['residual connection layer normalization', 'why-add-and-norm'],
  ['shifted right', 'input-and-output-embedding'],
  ['exploding gradients', 'vanishing-or-exploding-gradients'],
  ['skip connection', 'skip-vs-residual'],
  ['Post-LN Pre-LN', 'post-ln-vs-pre-ln'],
  ['multi-head attention neural network', 'is-attention-a-neural-network'],
  ['Post-LN decoder vanishing gradients', 'post-ln-vanishing-gradients'],
  ['gradient clipping', 'what-fixes-exploding-gradients'],
  ['BatchNorm instead of LayerNorm', 'layernorm-vs-batchnorm'],
  ['batch normalization transformer', 'layernorm-vs-batchnorm'],
  ['RMSNorm', 'rmsnorm'],
  ['root mean square normalization mean centring', 'rmsnorm'],
  ['residual dropout', 'residual-dropout'],
  ['dropout overfitting', 'residual-dropout'],
  ['ReZero', 'identity-init'],
  ['start at the identity without normalization', 'identity-init'],
  ['learning rate warmup', 'why-warmup'],
  ['warmup Adam RAdam', 'why-warmup'],
  ['tied embeddings', 'input-and-output-embedding'],
  ['weight tying output projection softmax', 'input-and-output-embedding'],
  ['exposure bias scheduled sampling', 'shifted-right-vs-teacher-forcing'],
];

/** The first result shows the question and a short excerpt (not the whole short answer) that marks matched words. */
async function expectResultShows(page: Page, q: BuiltQuestion): Promise<void> {
  const first = await page.$eval('ol[data-search-results] li', (li) => ({
    text: (li as HTMLElement).innerText.replace(/\s+/g, ' '),
    excerpt: li.querySelector('.result-excerpt')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    marks: li.querySelectorAll('.result-excerpt mark').length,
  }));
  expect(first.text, `${q.url}: the first result shows the question`).toContain(q.question);
  expect(first.excerpt.split(' ').length, `${q.url}: the excerpt "${first.excerpt}" is short`).toBeLessThanOrEqual(30);
  expect(first.text, `${q.url}: the first result does not repeat the whole short answer`).not.toContain(q.short);
  expect(first.marks, `${q.url}: <mark> elements (matched words) in the excerpt`).toBeGreaterThan(0);
}

describe("searching a question's key words finds it first", () => {
  const shared = sharedSearch(site);
  it('the build has question pages', () => expect(questions.length).toBeGreaterThanOrEqual(2));

  it.each(PROBES)('"%s" → /questions/%s/', async (query, id) => {
    const results = await search(shared.w.page, query);
    expect(results[0], `search for "${query}": results in order were [${results.join(', ')}]`).toBe(`/questions/${id}/`);
    expect(shared.w.problemList(), 'problems while searching').toEqual([]);
  });

  it.each(questions.map((q) => [keyWords(q.question).join(' '), q.id, q]))(
    '"%s" → /questions/%s/, shown with a short excerpt',
    async (query, _id, q) => {
      expect(query, `question ${q.id} has no key words in its <h1>`).not.toBe('');
      const results = await search(shared.w.page, query);
      expect(results[0], `search for "${query}": results in order were [${results.join(', ')}]`).toBe(q.url);
      await expectResultShows(shared.w.page, q);
      expect(shared.w.problemList(), 'problems while searching').toEqual([]);
    },
  );
});

describe('the topic filter narrows the results', () => {
  it('each topic keeps exactly the unfiltered results that belong to it, and some topic drops some', async () => {
    const common = commonestWord(questions.map((q) => q.articleText));
    expect(common && common.count, 'a word shared by at least two question articles, to search for').toBeGreaterThanOrEqual(2);
    const watched = await openSearch(site);
    try {
      const { page } = watched;
      const topics = await page.$$eval('select[data-search-topic] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(topics, 'the topic <select data-search-topic> offers "" (all topics)').toContain('');
      const realTopics = topics.filter((t) => t !== '');
      expect(realTopics.length, 'number of topics offered by the filter').toBeGreaterThanOrEqual(2);

      const all = await search(page, common!.word, '');
      expect(all.length, `"${common!.word}" with all topics: results [${all.join(', ')}]`).toBeGreaterThanOrEqual(2);

      let narrowed = false;
      for (const topic of realTopics) {
        const members = topicMembers(topic);
        expect(members, `/topics/${topic}/ is not built (needed to know which questions belong to "${topic}")`).toBeDefined();
        const expected = all.filter((url) => members!.some((id) => url === `/questions/${id}/`));
        const filtered = await search(page, common!.word, topic);
        expect(
          [...filtered].sort(),
          `"${common!.word}" filtered to topic "${topic}": got [${filtered.join(', ')}], expected the unfiltered results in that topic [${expected.join(', ')}]`,
        ).toEqual([...expected].sort());
        if (filtered.length < all.length) narrowed = true;
      }
      expect(narrowed, `no topic narrowed the ${all.length} results for "${common!.word}"`).toBe(true);

      const back = await search(page, common!.word, '');
      expect([...back].sort(), 'back to all topics, the results are the unfiltered ones again').toEqual([...all].sort());
      expect(watched.problemList(), 'problems while searching').toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});

describe('keyboard shortcuts open search', () => {
  for (const key of ['/', 'Control+k']) {
    it(`${key} opens the search dialog with the input focused, Escape closes it`, async () => {
      const watched = await openPage(site);
      const { page } = watched;
      try {
        await page.goto('/');
        await page.keyboard.press(key);
        await page
          .locator('dialog[data-search][open]')
          .waitFor({ state: 'visible', timeout: 5_000 })
          .catch(() => {});
        const opened = await page.evaluate(() => ({
          open: document.querySelector('dialog[data-search]')?.hasAttribute('open') ?? null,
          focused: document.activeElement?.matches('input[data-search-input]') ?? false,
        }));
        expect(opened.open, `after pressing ${key}: is <dialog data-search> open (null = no such dialog)`).toBe(true);
        expect(opened.focused, `after pressing ${key}: focus is in input[data-search-input]`).toBe(true);
        await page.keyboard.press('Escape');
        const closed = await page.evaluate(() => document.querySelector('dialog[data-search]')?.hasAttribute('open'));
        expect(closed, 'after Escape: the dialog is closed').toBe(false);
        expect(watched.problemList(), 'problems while opening search').toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});

describe('words typed while search is still loading', () => {
  it('are searched once it has loaded (the dialog opens before its code arrives)', async () => {
    const watched = await openPage(site);
    const { page } = watched;
    try {
      // Hold back the search module, as a slow network would, so the words are typed before it attaches.
      let release = () => {};
      const held = new Promise<void>((done) => (release = done));
      await watched.context.route(/\/_astro\/search\.[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto('/');
      await page.click('button[data-search-open]');
      await page.fill('input[data-search-input]', 'residual');
      release();
      await page.locator('ol[data-search-results] li a[href]').first().waitFor({ timeout: 30_000 });
      expect(watched.problemList(), 'problems while searching').toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});
