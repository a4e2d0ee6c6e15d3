// With JavaScript off, every question page shows its question, its short answer and its body; the
// search button is hidden or says that search needs JavaScript.
import { describe, expect, it } from 'vitest';
import { builtQuestions, useSite, useTab } from './harness.ts';

const site = useSite();
const questions = builtQuestions();
const tab = useTab(site, { javaScriptEnabled: false });

describe('question pages work with JavaScript off', () => {
  it('the build has question pages', () => expect(questions.length).toBeGreaterThan(0));

  it.each(questions.map((q) => [q.url, q]))('%s', async (_url, q) => {
    const watched = await tab();
    const { page } = watched;
    await page.goto(q.url, { waitUntil: 'load' });
    const seen = await page.evaluate(() => {
      const visible = (el: Element | null): boolean => {
        if (!el) return false;
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
      };
      const article = document.querySelector('article[data-pagefind-body]');
      const h1 = document.querySelector('h1');
      const short = document.querySelector('[data-short-answer]');
      // the body: paragraphs of the article outside the short answer
      const bodyParagraphs = article
        ? Array.from(article.querySelectorAll('p')).filter((p) => !short?.contains(p) && visible(p) && p.textContent!.trim().length > 0)
        : [];
      const button = document.querySelector('[data-search-open]');
      const buttonText = button
        ? [
            button.textContent,
            button.getAttribute('title'),
            button.getAttribute('aria-description'),
            ...(button.getAttribute('aria-describedby') ?? '')
              .split(/\s+/)
              .map((id) => (id ? document.getElementById(id)?.textContent : '')),
            (button.parentElement as HTMLElement | null)?.innerText,
          ].join(' ')
        : '';
      return {
        article: Boolean(article),
        h1: visible(h1) ? h1!.textContent!.trim() : '',
        short: visible(short) ? short!.textContent!.trim() : '',
        bodyParagraphs: bodyParagraphs.length,
        searchButton: button ? (visible(button) ? 'visible' : 'hidden') : 'absent',
        searchButtonExplains: /javascript/i.test(buttonText),
      };
    });
    expect(seen.article, `${q.url}: <article data-pagefind-body> is present`).toBe(true);
    expect(seen.h1, `${q.url}: the question (<h1>) is visible`).toBe(q.question);
    expect(seen.short.length, `${q.url}: [data-short-answer] is visible with text`).toBeGreaterThan(0);
    expect(seen.bodyParagraphs, `${q.url}: visible body paragraphs in the article, outside the short answer`).toBeGreaterThan(0);
    expect(seen.searchButton, `${q.url}: [data-search-open] must exist (hidden or explained) on every page`).not.toBe('absent');
    if (seen.searchButton === 'visible') {
      expect(seen.searchButtonExplains, `${q.url}: the visible search button does not say that search needs JavaScript`).toBe(true);
    }
    expect(watched.problemList(), `${q.url}: problems with JavaScript off`).toEqual([]);
  });
});
