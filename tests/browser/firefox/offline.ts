// Firefox, offline after a first visit (offline.test.ts checks the same in Chromium): with the service worker
// in charge, two pages are visited, then the server is stopped. A page never visited fails (so the network
// is really gone), while the visited pages load from the cache, search finds a question from the precached
// Pagefind index, and an E1 evidence block runs on WebAssembly from the precached lab and .wasm files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serveStatic, type StaticServer } from '../static-server.ts';
import {
  attr,
  builtPages,
  builtQuestions,
  DIST,
  elements,
  openFirefoxPage,
  parsePage,
  type FirefoxPage,
  type FirefoxSite,
} from './harness.ts';

const e1 = builtPages()
  .flatMap((p) =>
    elements(parsePage(p.path), (el) => el.tagName === 'evidence-block' && attr(el, 'data-experiment') === 'e1').map((el) => ({
      url: p.url,
      id: attr(el, 'id') ?? '',
    })),
  )
  .at(0);
const question = builtQuestions().find((q) => q.url === e1?.url) ?? builtQuestions()[0]!;

/** Waits until the service worker is active and controls the page (clientsClaim): the precache is full. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
}

export function offlineAfterFirstVisit(site: FirefoxSite): void {
  describe('Firefox: offline after a first visit', () => {
    let server: StaticServer;
    let w: FirefoxPage;

    beforeAll(async () => {
      // A server of its own, to stop; the browser is the suite's.
      server = await serveStatic(DIST);
      w = await openFirefoxPage({ ...site, origin: server.origin, server });
      await w.page.goto(w.url('/'));
      await controlled(w.page);
      for (const url of ['/', question.url]) await w.page.goto(w.url(url), { waitUntil: 'load' });
      await server.close();
    });
    afterAll(async () => {
      await w?.context.close();
    });

    it('a page never visited does not load (the network is really off)', async () => {
      const other = await w.context.newPage();
      const error = await other.goto(w.url('/glossary/')).then(
        () => '',
        (e: Error) => e.message,
      );
      await other.close();
      expect(error, '/glossary/ was never visited').toMatch(/NS_ERROR|net::|ERR_/);
    });

    it('the visited question page loads from the cache, styles included', async () => {
      await w.page.goto(w.url(question.url));
      expect(await w.page.$eval('h1', (h) => h.textContent)).toBe(question.question);
      expect(await w.page.$eval('header.site-header', (el) => getComputedStyle(el).display)).not.toBe('inline');
    });

    it('the visited home page loads, and search finds the question', async () => {
      await w.page.goto(w.url('/'));
      await w.page.click('button[data-search-open]');
      await w.page.waitForSelector('dialog[data-search][open] input[data-search-input]', { visible: true });
      const words = question.question
        .split(/\W+/)
        .filter((x) => x.length > 6)
        .slice(0, 2)
        .join(' ');
      await w.page.type('input[data-search-input]', words);
      await w.page.waitForSelector('ol[data-search-results] li a[href]', { timeout: 30_000 });
      const found = await w.page.$$eval('ol[data-search-results] li a[href]', (as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      expect(found, `offline search for "${words}"`).toContain(question.url);
    });

    it('an E1 evidence block runs to done on WebAssembly', async () => {
      expect(e1, 'no <evidence-block data-experiment="e1"> in dist/').toBeDefined();
      await w.page.goto(w.url(e1!.url));
      await w.page.$eval(`[id="${e1!.id}"]`, (el) => el.scrollIntoView());
      await w.page.waitForSelector(`[id="${e1!.id}"] form[data-controls]`, { visible: true, timeout: 10_000 });
      await w.page.click(`[id="${e1!.id}"] button[data-run]`);
      await w.page.waitForFunction(
        (id) => ['done', 'error', 'cancelled'].includes(document.getElementById(id)?.dataset.state ?? ''),
        { timeout: 110_000, polling: 200 }, // not every animation frame, which renders all the while and takes CPU from the run
        e1!.id,
      );
      const block = await w.page.$eval(`[id="${e1!.id}"]`, (el) => ({
        state: (el as HTMLElement).dataset.state,
        backend: (el as HTMLElement).dataset.backend,
        text: (el as HTMLElement).innerText.slice(0, 300),
      }));
      expect(block, block.text).toMatchObject({ state: 'done', backend: 'wasm' });
    });
  });
}
