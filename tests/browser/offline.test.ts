// Offline, in Chromium, through the Workbox service worker (dist/sw.js): after a first visit online, the
// network is switched off (context.setOffline and the server itself stopped) and the visited pages, search
// (Pagefind's index) and an experiment on WebAssembly still work, while a page never visited does not load
// (so the test is really offline). Then a new deploy is picked up on the next visit, not stuck in a cache.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertBuilt, builtQuestions, DIST, launchBrowser } from './harness.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import { runInWorker, workerUrl } from './csp-watch.ts';

let browser: Browser;
beforeAll(async () => {
  assertBuilt();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the service worker is active and controls the page (clientsClaim), i.e. the precache is full. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
}

const question = builtQuestions()[0]!;

describe('offline after a first visit', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic(DIST);
    context = await browser.newContext({ baseURL: server.origin });
    page = await context.newPage();
    await page.goto('/');
    await controlled(page);
    // Visited with the service worker in charge, so these pages are kept (network-first).
    for (const url of ['/', question.url]) await page.goto(url, { waitUntil: 'load' });
    await context.setOffline(true);
    await server.close();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a page never visited does not load (the network is really off)', async () => {
    const other = await context.newPage(); // its error page would disturb the next navigations
    const error = await other.goto('/glossary/').then(
      () => '',
      (e: Error) => e.message,
    );
    await other.close();
    expect(error, '/glossary/ was never visited').toMatch(/ERR_|net::/);
  });

  it('the visited question page loads, whole, from the cache', async () => {
    await page.goto(question.url);
    expect(await page.locator('h1').textContent()).toBe(question.question);
    expect(await page.locator('[data-short-answer]').count()).toBe(1);
    // Its styles came along: the header is laid out, not bare HTML.
    expect(await page.locator('header.site-header').evaluate((el) => getComputedStyle(el).display)).not.toBe('inline');
  });

  it('the visited home page loads, and search finds the question', async () => {
    await page.goto('/');
    await page.locator('button[data-search-open]').click();
    const words = question.question
      .split(/\W+/)
      .filter((w) => w.length > 6)
      .slice(0, 2)
      .join(' ');
    await page.fill('input[data-search-input]', words);
    const first = page.locator('ol[data-search-results] li a[href]').first();
    await first.waitFor({ timeout: 20_000 });
    expect(
      await page
        .locator('ol[data-search-results] li a[href]')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    ).toContain(question.url);
  });

  it('an experiment runs on WebAssembly (worker, lab chunks and .wasm from the precache)', async () => {
    await page.goto(question.url);
    const run = await runInWorker(page, workerUrl(), { type: 'run', id: 1, experiment: 'e2', params: { layers: 2, steps: 10 }, seed: 1 });
    expect(run).toMatchObject({ type: 'done', backend: 'wasm' });
  });
});

describe('a new deploy', () => {
  let copy: string;
  let server: StaticServer;
  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'offline-deploy-'));
    cpSync(DIST, copy, { recursive: true });
    server = await serveStatic(copy);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('is picked up on the next visit: new page text at once, and the new service worker takes over', async () => {
    const context = await browser.newContext({ baseURL: server.origin });
    try {
      const page = await context.newPage();
      await page.goto(question.url);
      await controlled(page);
      await page.goto(question.url);
      expect(await page.locator('h1').textContent()).toBe(question.question);

      // "Deploy": the page's text changes, and so does sw.js (as a rebuild with changed files would).
      const html = join(copy, question.file);
      const before = readFileSync(html, 'utf8');
      const after = before.replace(/(<h1\b[^>]*>)[\s\S]*?(<\/h1>)/, '$1Deployed again$2');
      expect(after, `an <h1> in ${question.file}`).not.toBe(before);
      writeFileSync(html, after);
      writeFileSync(join(copy, 'sw.js'), `${readFileSync(join(copy, 'sw.js'), 'utf8')}\n// deploy 2\n`);

      await page.goto(question.url);
      expect(await page.locator('h1').textContent(), 'the next visit shows the new deploy').toBe('Deployed again');
      // The browser checks sw.js on navigation; skipWaiting + clientsClaim make the new one control the page.
      const swapped = await page.evaluate(
        () =>
          new Promise<boolean>((done) => {
            const timer = setTimeout(() => done(false), 20_000);
            navigator.serviceWorker.addEventListener('controllerchange', () => (clearTimeout(timer), done(true)), { once: true });
            void navigator.serviceWorker.getRegistration().then((r) => r?.update());
          }),
      );
      expect(swapped, 'the new service worker took control').toBe(true);
    } finally {
      await context.close();
    }
  });
});
