// The browser-test harness: Debian's Chromium through playwright-core, against dist/ served as plain
// static files on 127.0.0.1. One browser and one server per test file (beforeAll/afterAll).
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server.ts';
import { assertBuilt, DIST } from './site.ts';

export * from './site.ts';
export * from './chromium.ts';
import { CHROMIUM_ARGS, findChrome } from './chromium.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), headless: true, args: CHROMIUM_ARGS });
}

export interface Site {
  browser: Browser;
  /** http://127.0.0.1:<port> */
  origin: string;
}

/** Registers beforeAll/afterAll for one browser + one static server; read the fields inside tests. */
export function useSite(): Site {
  const site = {} as Site;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    assertBuilt();
    server = await serveStatic(DIST);
    site.origin = server.origin;
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}

/** Everything that went wrong while a page was open: console errors, page errors, failed or 4xx/5xx
 * requests, and requests to another origin (which are aborted, so nothing leaves the machine). */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  badResponses: string[];
  foreignRequests: string[];
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** Closes the context. Never unrouteAll() first: updating the interception of a terminated nested worker (a pool
   * worker) could wait forever in Chromium 156 (1 run in 4-6 of the security test). */
  close(): Promise<void>;
  /** one line per problem, empty when the page was clean */
  problemList(): string[];
}

/** The browser fetches a page's favicon on its own after the load event, so a tab that moves on at once aborts it
 * (seen in a reused tab, reported late to the next page): not the site's failure. A missing favicon is still a 404. */
function faviconLeftBehind(url: string, errorText = ''): boolean {
  return errorText === 'net::ERR_ABORTED' && new URL(url).pathname.startsWith('/favicon');
}

/** A fresh context and page on the built site. The service worker is blocked unless a test asks for it: it would
 * precache every script, .wasm file and the search index (several MB) in each context, and only
 * offline.test.ts (with its own contexts) is about it. */
export async function openPage(site: Site, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await site.browser.newContext({ baseURL: site.origin, serviceWorkers: 'block', ...options });
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], badResponses: [], foreignRequests: [] };
  const isLocal = (url: string): boolean => url.startsWith(site.origin + '/') || /^(data|blob|about):/.test(url);
  let closing = false;
  await context.route(
    (url) => !isLocal(url.href),
    async (route) => {
      problems.foreignRequests.push(`${route.request().resourceType()} ${route.request().url()}`);
      await route.abort('blockedbyclient').catch((err: unknown) => {
        if (!closing) throw err; // aborted by the context's close
      });
    },
  );
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location();
      problems.consoleErrors.push(`${msg.text()}${where.url ? ` (at ${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err.stack ?? err)));
  page.on('requestfailed', (req) => {
    if (isLocal(req.url()) && !faviconLeftBehind(req.url(), req.failure()?.errorText))
      problems.failedRequests.push(`${req.resourceType()} ${req.url()}: ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.badResponses.push(`${res.status()} ${res.request().resourceType()} ${res.url()}`);
  });
  return {
    context,
    page,
    problems,
    close: async () => {
      closing = true;
      await context.close();
    },
    problemList: () => [
      ...problems.consoleErrors.map((m) => `console error: ${m}`),
      ...problems.pageErrors.map((m) => `uncaught error: ${m}`),
      ...problems.failedRequests.map((m) => `failed request: ${m}`),
      ...problems.badResponses.map((m) => `HTTP error: ${m}`),
      ...problems.foreignRequests.map((m) => `request to another origin: ${m}`),
    ],
  };
}

/**
 * One tab for all the tests of a file, reused from page to page: a fresh context costs about a core-second more
 * than the page it loads (a question page: 1.45 against 0.45 core-seconds). Registers beforeAll/afterAll after
 * useSite's; `setup` runs once on the new context (e.g. recordViolations). The returned function leaves the last
 * page for about:blank, waits until every request it had in flight has ended (aborted by the navigation), and gives
 * the tab with its problem lists emptied: a test sees only the problems of its own pages. (The favicon, which the
 * browser may start fetching only as the tab moves on, is left out of the failures: faviconLeftBehind.)
 */
export function useTab(
  site: Site,
  options: BrowserContextOptions = {},
  setup?: (w: WatchedPage) => Promise<void>,
): () => Promise<WatchedPage> {
  let tab: WatchedPage | undefined;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const ended = () => {
    if (--inFlight === 0) for (const resolve of waiting.splice(0)) resolve();
  };
  beforeAll(async () => {
    tab = await openPage(site, options);
    tab.page.on('request', () => inFlight++);
    tab.page.on('requestfinished', ended);
    tab.page.on('requestfailed', ended);
    await setup?.(tab);
  });
  afterAll(async () => tab?.close());
  return async () => {
    if (!tab) throw new Error('useTab: the tab is opened in beforeAll; call the function inside a test');
    await tab.page.goto('about:blank');
    if (inFlight > 0) {
      await new Promise<void>((resolve, reject) => {
        const stuck = setTimeout(
          () => reject(new Error(`useTab: ${inFlight} request(s) of the last page still in flight 30 s after leaving it`)),
          30_000,
        );
        waiting.push(() => {
          clearTimeout(stuck);
          resolve();
        });
      });
    }
    for (const list of Object.values(tab.problems)) list.length = 0;
    return tab;
  };
}
