// Structured data and sharing, read from the built HTML: every page has one meta description, a canonical URL
// on the site's address (astro.config.mjs `site`), Open Graph and Twitter card tags that agree with them; each
// question page carries schema.org QAPage JSON-LD whose question is the page's <h1>, whose accepted answer is the
// short answer (also the meta description), with the dates of the question's frontmatter.
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { questionFile } from '../unit/question-files.ts';
import { attr, builtPages, builtQuestions, elements, parsePage, rawText, type Element } from './harness.ts';

const pages = builtPages();
const questions = builtQuestions();
const SITE = String(config.site);

function metaContent(head: Element, key: 'name' | 'property', value: string): string[] {
  return elements(head, (el) => el.tagName === 'meta' && attr(el, key) === value).map((el) => attr(el, 'content') ?? '');
}

function headOf(path: string): Element {
  return elements(parsePage(path), (el) => el.tagName === 'head')[0]!;
}

/** `created:` and `updated:` of a question's frontmatter, as written (YYYY-MM-DD, quoted or not: YAML 1.2
 * reads both as the same string). Anything else comes back as a message naming the file, so the comparison
 * with the page fails saying what was found. */
function frontmatterDates(id: string): { created: string; updated: string } {
  const { frontmatter } = questionFile(id);
  const date = (key: string) => {
    const value = frontmatter[key];
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? value
      : `content/${id}.mdx: ${key} is ${JSON.stringify(value)}, not YYYY-MM-DD`;
  };
  return { created: date('created'), updated: date('updated') };
}

describe('every page: description, canonical URL, Open Graph and Twitter card', () => {
  it('the site address is absolute', () => expect(SITE).toMatch(/^https?:\/\/[^/]+/));

  it.each(pages.filter((p) => p.url !== '/404.html').map((p) => [p.url, p]))('%s', (_url, p) => {
    const head = headOf(p.path);
    const descriptions = metaContent(head, 'name', 'description');
    expect(descriptions.length, `${p.url}: meta description`).toBe(1);
    expect(descriptions[0]!.length, `${p.url}: meta description length`).toBeGreaterThan(20);
    const canonical = elements(head, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical').map((el) => attr(el, 'href'));
    expect(canonical, `${p.url}: canonical`).toEqual([new URL(p.url, SITE).href]);
    expect(metaContent(head, 'property', 'og:url'), `${p.url}: og:url`).toEqual(canonical);
    expect(metaContent(head, 'property', 'og:description'), `${p.url}: og:description`).toEqual(descriptions);
    expect(metaContent(head, 'property', 'og:title')[0], `${p.url}: og:title`).toBeTruthy();
    expect(metaContent(head, 'property', 'og:type'), `${p.url}: og:type`).toEqual([
      p.url.startsWith('/questions/') ? 'article' : 'website',
    ]);
    // Question pages have a social card (/og/<id>.png, tests/browser/reach.test.ts), hence the large image card.
    expect(metaContent(head, 'name', 'twitter:card'), `${p.url}: twitter:card`).toEqual([
      p.url.startsWith('/questions/') ? 'summary_large_image' : 'summary',
    ]);
  });

  it('the 404 page is kept out of search engines', () => {
    const p = pages.find((x) => x.url === '/404.html');
    expect(p, 'dist/404.html').toBeDefined();
    expect(metaContent(headOf(p!.path), 'name', 'robots')).toEqual(['noindex']);
  });
});

describe('QAPage JSON-LD on each question page', () => {
  it('the build has question pages', () => expect(questions.length).toBeGreaterThan(0));

  it.each(questions.map((q) => [q.url, q]))('%s', (_url, q) => {
    const head = headOf(q.path);
    const scripts = elements(head, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json');
    expect(scripts.length, `${q.url}: <script type="application/ld+json">`).toBe(1);
    const data = JSON.parse(rawText(scripts[0]!)) as Record<string, any>;
    const url = new URL(q.url, SITE).href;
    const { created, updated } = frontmatterDates(q.id);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('QAPage');
    expect(data.url).toBe(url);
    const question = data.mainEntity;
    expect(question['@type']).toBe('Question');
    expect(question.name, `${q.url}: Question.name is the <h1>`).toBe(q.question);
    expect(question.text).toBe(q.question);
    expect(question.answerCount).toBe(1);
    expect(question.dateCreated, `${q.url}: dateCreated = frontmatter created`).toBe(created);
    expect(question.dateModified, `${q.url}: dateModified = frontmatter updated`).toBe(updated);
    const answer = question.acceptedAnswer;
    expect(answer['@type']).toBe('Answer');
    expect(answer.text, `${q.url}: acceptedAnswer is the short answer`).toBe(q.short);
    expect(answer.url).toBe(url);
    expect(metaContent(head, 'name', 'description'), `${q.url}: the meta description is the short answer`).toEqual([q.short]);
  });
});
