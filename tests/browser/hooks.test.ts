// The test hooks of CONTRIBUTING.md on every built page, read from the HTML as served (no JavaScript):
// a skip link as the first focusable element, <main id="main">, the search button and the theme switch.
import { describe, expect, it } from 'vitest';
import { attr, builtPages, builtQuestions, elements, hasAttr, parsePage, type Element } from './harness.ts';

const pages = builtPages();
const questions = builtQuestions();

function focusable(el: Element): boolean {
  if (attr(el, 'tabindex') !== undefined) return Number(attr(el, 'tabindex')) >= 0;
  if (el.tagName === 'a') return hasAttr(el, 'href');
  return ['button', 'input', 'select', 'textarea', 'summary'].includes(el.tagName) && !hasAttr(el, 'disabled');
}

describe('every page carries the contract hooks', () => {
  it.each(pages.map((p) => [p.url, p]))('%s', (_url, p) => {
    const doc = parsePage(p.path);
    const body = elements(doc, (el) => el.tagName === 'body')[0]!;
    const first = elements(body, focusable)[0];
    const problems: string[] = [];
    if (
      !first ||
      first.tagName !== 'a' ||
      !(attr(first, 'class') ?? '').split(/\s+/).includes('skip-link') ||
      attr(first, 'href') !== '#main'
    ) {
      problems.push(
        `first focusable element is <${first?.tagName ?? 'none'} class="${first ? (attr(first, 'class') ?? '') : ''}" href="${first ? (attr(first, 'href') ?? '') : ''}">, not <a class="skip-link" href="#main">`,
      );
    }
    const mains = elements(doc, (el) => el.tagName === 'main');
    if (mains.length !== 1 || attr(mains[0]!, 'id') !== 'main')
      problems.push(
        `expected one <main id="main">, found ${mains.length} <main> (ids: ${mains.map((m) => attr(m, 'id') ?? '-').join(', ')})`,
      );
    if (elements(doc, (el) => el.tagName === 'button' && hasAttr(el, 'data-search-open')).length !== 1)
      problems.push('expected one <button data-search-open>');
    if (elements(doc, (el) => el.tagName === 'button' && hasAttr(el, 'data-theme-toggle')).length !== 1)
      problems.push('expected one <button data-theme-toggle>');
    if (!attr(elements(doc, (el) => el.tagName === 'html')[0]!, 'lang')) problems.push('<html> has no lang');
    expect(problems, `${p.url} (dist/${p.file})`).toEqual([]);
  });

  it.each(questions.map((q) => [q.url, q]))('%s: the article hooks', (_url, q) => {
    const doc = parsePage(q.path);
    const articles = elements(doc, (el) => el.tagName === 'article' && hasAttr(el, 'data-pagefind-body'));
    expect(articles.length, `${q.url}: number of <article data-pagefind-body>`).toBe(1);
    expect(attr(articles[0]!, 'data-question-id'), `${q.url}: data-question-id of the article`).toBe(q.id);
    expect(
      elements(articles[0]!, (el) => hasAttr(el, 'data-short-answer')).length,
      `${q.url}: [data-short-answer] inside the article`,
    ).toBe(1);
    expect(q.question, `${q.url}: the page's <h1> (the question)`).not.toBe('');
    const h1InArticle = elements(articles[0]!, (el) => el.tagName === 'h1').length;
    expect(h1InArticle, `${q.url}: the question (<h1>) inside the indexed article, so search finds it by its words`).toBe(1);
    const pagefindBodies = elements(doc, (el) => hasAttr(el, 'data-pagefind-body'));
    expect(pagefindBodies.length, `${q.url}: only the article is indexed`).toBe(1);
  });
});
