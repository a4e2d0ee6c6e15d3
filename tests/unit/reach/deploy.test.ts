// Deploying: the site's address from SITE_URL (bad values fail naming the variable) and the _headers rules.
import { describe, expect, test } from 'vitest';
import { headerPolicy } from '~/build/csp';
import { headerRules, headersFile, IMMUTABLE, parseHeadersFile, REVALIDATE } from '~/build/reach/host-headers';
import { DEFAULT_SITE_URL, siteUrl } from '~/build/reach/site-url';

describe('SITE_URL', () => {
  test('defaults to the local preview address; a host root is taken as its origin', () => {
    expect(siteUrl({})).toBe(DEFAULT_SITE_URL);
    expect(siteUrl({ SITE_URL: '  ' })).toBe(DEFAULT_SITE_URL);
    expect(siteUrl({ SITE_URL: 'https://add-and-norm.example.org/' })).toBe('https://add-and-norm.example.org');
  });
  test('bad values fail naming SITE_URL', () => {
    expect(() => siteUrl({ SITE_URL: 'example.org' })).toThrow(/^SITE_URL: "example.org" is not an absolute URL/);
    expect(() => siteUrl({ SITE_URL: 'ftp://example.org' })).toThrow(/^SITE_URL: .* must start with https:\/\//);
    expect(() => siteUrl({ SITE_URL: 'https://example.org/docs/' })).toThrow(/^SITE_URL: .* root of a host/);
    expect(() => siteUrl({ SITE_URL: 'https://example.org/?a=1' })).toThrow(/^SITE_URL: .* query or a fragment/);
  });
});

describe('_headers', () => {
  const rules = headerRules(['/', '/questions/x/', '/404.html']);
  test('the CSP header on every path, immutable hashed assets, no-cache pages and service worker', () => {
    expect(rules[0]!.path).toBe('/*');
    expect(rules[0]!.headers).toContainEqual(['Content-Security-Policy', headerPolicy()]);
    expect(rules.find((r) => r.path === '/_astro/*')!.headers).toEqual([['Cache-Control', IMMUTABLE]]);
    const revalidated = rules.filter((r) => r.headers.some(([k, v]) => k === 'Cache-Control' && v === REVALIDATE)).map((r) => r.path);
    expect(revalidated).toEqual(['/sw.js', '/', '/index.html', '/questions/x/', '/questions/x/index.html', '/404.html']);
  });
  test('no path gets Cache-Control from two rules (hosts would join the values)', () => {
    const cached = rules.filter((r) => r.headers.some(([k]) => k === 'Cache-Control')).map((r) => r.path);
    expect(new Set(cached).size).toBe(cached.length);
    expect(rules.find((r) => r.path === '/*')!.headers.some(([k]) => k === 'Cache-Control')).toBe(false);
  });
  test('the file reads back to the same rules', () => {
    expect(parseHeadersFile(headersFile(rules))).toEqual(rules);
    expect(() => parseHeadersFile('  X-Orphan: 1')).toThrow(/cannot read the line/);
  });
});
