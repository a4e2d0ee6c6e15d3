// Every built page loads with no console error, no uncaught error, no failed or 4xx/5xx request, no
// Content Security Policy violation, and no request to another origin (the site works offline; outside
// requests are aborted and reported). Nothing heavy loads before the reader asks: no Pagefind file (search)
// and no .wasm (TF.js) on load. (One load per page checks all of it; security.test.ts checks the policies
// themselves.)
import { describe, expect, it } from 'vitest';
import { recordViolations, violations } from './csp-watch.ts';
import { builtPages, openPage, useSite } from './harness.ts';

const site = useSite();
const pages = builtPages();

describe('every page loads cleanly', () => {
  it('the build has pages to test', () => expect(pages.length).toBeGreaterThan(0));

  it.each(pages.map((p) => [p.url, p]))('%s', async (_url, p) => {
    const watched = await openPage(site);
    await recordViolations(watched.context);
    const requested: string[] = [];
    watched.page.on('request', (req) => requested.push(new URL(req.url()).pathname));
    try {
      const res = await watched.page.goto(p.url, { waitUntil: 'load' });
      expect(res?.status(), `${p.url}: HTTP status`).toBe(200);
      await watched.page.waitForLoadState('networkidle');
      expect(await violations(watched.page), `${p.url}: CSP violations`).toEqual([]);
      expect(watched.problemList(), `${p.url} (dist/${p.file}) had problems while loading`).toEqual([]);
      const early = requested.filter((path) => path.startsWith('/pagefind/') || path.endsWith('.wasm'));
      expect(early, `${p.url}: loaded before any interaction (search and TF.js must wait until asked)`).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it('an unknown URL gets the 404 page with status 404', async () => {
    const watched = await openPage(site);
    try {
      const res = await watched.page.goto('/no-such-page/', { waitUntil: 'load' });
      expect(res?.status()).toBe(404);
      const main = await watched.page.locator('main#main').count();
      expect(main, 'the 404 page has <main id="main">').toBe(1);
    } finally {
      await watched.context.close();
    }
  });
});
