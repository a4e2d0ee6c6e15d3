// Every built page loads with no console error, no uncaught error, no failed or 4xx/5xx request, no
// Content Security Policy violation, and no request to another origin (the site works offline; outside
// requests are aborted and reported). Nothing heavy loads before the reader asks: no Pagefind file (search)
// and no .wasm (TF.js) on load. (One load per page checks all of it; security.test.ts checks the policies
// themselves.) One tab serves every page (useTab): an asset an earlier page loaded may come from the cache
// unseen, so a bad asset fails the first page that asks for it.
import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { recordViolations, violations } from './csp-watch.ts';
import { builtPages, useSite, useTab } from './harness.ts';

const site = useSite();
const pages = builtPages();
const tab = useTab(site, {}, (w) => recordViolations(w.context));

describe('every page loads cleanly', () => {
  it('the build has pages to test', () => expect(pages.length).toBeGreaterThan(0));

  it.each(pages.map((p) => [p.url, p]))('%s', async (_url, p) => {
    const w = await tab();
    const requested: string[] = [];
    const onRequest = (req: Request) => requested.push(new URL(req.url()).pathname);
    w.page.on('request', onRequest);
    try {
      const res = await w.page.goto(p.url, { waitUntil: 'load' });
      expect(res?.status(), `${p.url}: HTTP status`).toBe(200);
      await w.page.waitForLoadState('networkidle');
      expect(await violations(w.page), `${p.url}: CSP violations`).toEqual([]);
      expect(w.problemList(), `${p.url} (dist/${p.file}) had problems while loading`).toEqual([]);
      const early = requested.filter((path) => path.startsWith('/pagefind/') || path.endsWith('.wasm'));
      expect(early, `${p.url}: loaded before any interaction (search and TF.js must wait until asked)`).toEqual([]);
    } finally {
      w.page.off('request', onRequest);
    }
  });

  it('an unknown URL gets the 404 page with status 404', async () => {
    const { page } = await tab();
    const res = await page.goto('/no-such-page/', { waitUntil: 'load' });
    expect(res?.status()).toBe(404);
    const main = await page.locator('main#main').count();
    expect(main, 'the 404 page has <main id="main">').toBe(1);
  });
});
