// Driving the search dialog in the browser tests: open it from the home page, type a query, and read the
// result URLs once the list has settled (shared by search.test.ts and search-forgiving.test.ts).
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, type WatchedPage } from './harness.ts';

export async function openSearch(site: Parameters<typeof openPage>[0]): Promise<WatchedPage> {
  const watched = await openPage(site);
  const { page } = watched;
  await page.goto('/');
  const open = page.locator('button[data-search-open]');
  expect(await open.count(), 'home page: number of <button data-search-open>').toBe(1);
  await open.click();
  await page.locator('dialog[data-search][open] input[type="search"][data-search-input]').waitFor({ state: 'visible', timeout: 10_000 });
  return watched;
}

/** One search dialog for a describe block (each query clears the last), so Pagefind's index loads once. */
export function sharedSearch(site: Parameters<typeof openPage>[0]): { w: WatchedPage } {
  const shared = {} as { w: WatchedPage };
  beforeAll(async () => {
    shared.w = await openSearch(site);
  });
  afterAll(async () => {
    await shared.w?.context.close();
  });
  return shared;
}

/** Result URLs (path only, one per page, in order) once the search is over (the list is not aria-busy and
 * the status says something) and the list has stopped changing: 600 ms unchanged when there are results,
 * 5 s when there are none (the first search loads Pagefind's index, which can take seconds on a busy machine). */
export async function settledResults(page: Page): Promise<string[]> {
  await page
    .waitForFunction(
      () => !document.querySelector('ol[data-search-results][aria-busy]') && !!document.querySelector('[data-search-status]')?.textContent,
      undefined,
      { timeout: 30_000 },
    )
    .catch(() => {});
  const read = (): Promise<string[]> =>
    page.$$eval('ol[data-search-results] li a[href]', (as) => {
      const paths = as.map((a) => new URL((a as HTMLAnchorElement).href).pathname);
      return paths.filter((p, i) => paths.indexOf(p) === i);
    });
  const deadline = Date.now() + 30_000;
  let last = await read();
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(150);
    const now = await read();
    if (now.join() !== last.join()) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= (now.length > 0 ? 600 : 5_000)) {
      return now;
    }
  }
  return last;
}

/** Clears the query (and waits for the list to empty) so that old results are never read as new ones. */
export async function search(page: Page, query: string, topic = ''): Promise<string[]> {
  await page.fill('input[data-search-input]', '');
  await page
    .waitForFunction(() => document.querySelectorAll('ol[data-search-results] li').length === 0, undefined, { timeout: 5_000 })
    .catch(() => {
      throw new Error('clearing input[data-search-input] did not empty ol[data-search-results]');
    });
  await page.selectOption('select[data-search-topic]', topic);
  await page.fill('input[data-search-input]', query);
  return settledResults(page);
}
