import { describe, expect, test } from 'vitest';
import { escapeHtml, sanitizeExcerpt, toHit } from '~/page/search-results';

describe('sanitizeExcerpt', () => {
  test('keeps Pagefind’s <mark> tags', () => {
    expect(sanitizeExcerpt('the <mark>residual</mark> path')).toBe('the <mark>residual</mark> path');
  });
  test('escapes every other tag', () => {
    expect(sanitizeExcerpt('<img src=x onerror=alert(1)><mark>a</mark>')).toBe('&lt;img src=x onerror=alert(1)&gt;<mark>a</mark>');
    expect(sanitizeExcerpt('<mark onclick="x">a</mark>')).toBe('&lt;mark onclick="x"&gt;a</mark>');
    expect(sanitizeExcerpt('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  test('leaves entities alone and escapes bare ampersands', () => {
    expect(sanitizeExcerpt('x &lt; y &amp; z & w')).toBe('x &lt; y &amp; z &amp; w');
  });
});

describe('toHit', () => {
  test('takes the question and short answer from the metadata', () => {
    const hit = toHit({ url: '/questions/a/', excerpt: '<mark>a</mark>', meta: { title: 'Q?', short: 'S.' } });
    expect(hit).toEqual({ url: '/questions/a/', question: 'Q?', short: 'S.', excerptHtml: '<mark>a</mark>' });
  });
  test('falls back to the URL when a page has no title', () => {
    expect(toHit({ url: '/x/', excerpt: '', meta: {} }).question).toBe('/x/');
  });
});

test('escapeHtml escapes the five HTML-special characters', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
