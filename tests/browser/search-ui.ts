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

/** Result URLs (path only, one per page, in order) once the list shows the results for this query and topic:
 * the page renders a query's results at once and then marks the list with what it shows (data-search-for).
 * The first search loads Pagefind's index, which can take seconds on a busy machine. */
export async function settledResults(page: Page, query: string, topic = ''): Promise<string[]> {
  const want = `${topic}|${query.trim()}`;
  await page
    .waitForFunction(
      (w) => {
        const list = document.querySelector<HTMLElement>('ol[data-search-results]');
        return !!list && !list.hasAttribute('aria-busy') && list.dataset.searchFor === w;
      },
      want,
      { timeout: 30_000 },
    )
    .catch(() => {
      throw new Error(`ol[data-search-results] never showed the results for "${want}" (data-search-for)`);
    });
  return page.$$eval('ol[data-search-results] li a[href]', (as) => {
    const paths = as.map((a) => new URL((a as HTMLAnchorElement).href).pathname);
    return paths.filter((p, i) => paths.indexOf(p) === i);
  });
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
  return settledResults(page, query, topic);
}
