// The Firefox harness: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core (which never
// downloads a browser), against dist/ served as plain static files on 127.0.0.1, as the Chromium harness
// does. One browser and one server per test file; each test gets its own browser context (a fresh profile
// in all but name: storage, cookies and service workers are kept apart).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { serveStatic, type StaticServer } from '../static-server.ts';
import { assertBuilt, DIST } from '../site.ts';

export * from '../site.ts';

const INSTALL = 'Install it with apt-get install -y firefox-esr, or set FIREFOX_PATH to a Firefox binary.';

/** FIREFOX_PATH, else Debian's /usr/bin/firefox-esr; a missing browser is a failure, never a skip. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env, debian = '/usr/bin/firefox-esr'): string {
  const fromEnv = env.FIREFOX_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist. ${INSTALL}`);
    return fromEnv;
  }
  if (!existsSync(debian)) throw new Error(`Firefox not found at ${debian}: the Firefox browser tests need it. ${INSTALL}`);
  return debian;
}

export async function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // WebDriver BiDi is puppeteer's only protocol for Firefox; said here so that a change of default shows.
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      // No telemetry, update or captive-portal checks from a closed network (puppeteer sets most of these).
      'network.captive-portal-service.enabled': false,
      'app.update.disabledForTesting': true,
    },
  });
}

export interface FirefoxSite {
  browser: Browser;
  /** http://127.0.0.1:<port> */
  origin: string;
  server: StaticServer;
}

/** Registers beforeAll/afterAll for one Firefox + one static server of `root` (dist/ by default). */
export function useFirefoxSite(root = DIST): FirefoxSite {
  const site = {} as FirefoxSite;
  beforeAll(async () => {
    assertBuilt(root);
    site.server = await serveStatic(root);
    site.origin = site.server.origin;
    site.browser = await launchFirefox();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** Everything that went wrong while a page was open (as tests/browser/harness.ts records for Chromium). */
export interface FirefoxProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  badResponses: string[];
  foreignRequests: string[];
  /** Firefox's MathML reports of a wrong child count, kept apart from pageErrors: see MATHML_PARSE_REPORT. */
  mathReports: string[];
}

/**
 * Firefox lays out MathML while the HTML is still being parsed, and an <msub> laid out before its second
 * child arrives is reported as "Invalid markup: Incorrect number of children for <msub/> tag." (seen on
 * a loaded machine; reproduced by sending half an <msub>, pausing, then the rest). Such reports say nothing
 * about the page once parsed, so they are not counted as problems; mathArityErrors() checks the parsed DOM.
 */
export const MATHML_PARSE_REPORT =
  /^(?:Error: )?Invalid markup: Incorrect number of children for <(msub|msup|msubsup|mfrac|mover|munder|munderover|mroot)\/> tag\.$/;

/** The number of element children each MathML layout element must have. */
const MATHML_ARITY: Record<string, number> = { msub: 2, msup: 2, msubsup: 3, mfrac: 2, mover: 2, munder: 2, munderover: 3, mroot: 2 };

/** MathML elements of the loaded page with a wrong number of children (what Firefox would report), described. */
export async function mathArityErrors(page: Page): Promise<string[]> {
  return page.evaluate((arity) => {
    const wrong: string[] = [];
    for (const [tag, n] of Object.entries(arity)) {
      for (const el of document.getElementsByTagNameNS('http://www.w3.org/1998/Math/MathML', tag)) {
        if (el.children.length !== n)
          wrong.push(`<${tag}> with ${el.children.length} children (needs ${n}): ${el.outerHTML.slice(0, 120)}`);
      }
    }
    return wrong;
  }, MATHML_ARITY);
}

export interface FirefoxPage {
  context: BrowserContext;
  page: Page;
  problems: FirefoxProblems;
  /** `path` on the site's origin */
  url(path: string): string;
  /** one line per problem, empty when the page was clean */
  problemList(): string[];
}

export async function openFirefoxPage(site: FirefoxSite): Promise<FirefoxPage> {
  const context = await site.browser.createBrowserContext();
  const page = await context.newPage();
  const problems: FirefoxProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    badResponses: [],
    foreignRequests: [],
    mathReports: [],
  };
  const isLocal = (url: string): boolean => url.startsWith(site.origin + '/') || /^(data|blob|about):/.test(url);
  // (Over BiDi, puppeteer cannot tell a request's resource type: URLs only.)
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location();
      problems.consoleErrors.push(`${msg.text()}${where.url ? ` (at ${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => {
    const text = String((err as Error).stack ?? err).trim();
    (MATHML_PARSE_REPORT.test(text.split('\n')[0]!) ? problems.mathReports : problems.pageErrors).push(text);
  });
  page.on('request', (req) => {
    if (!isLocal(req.url())) problems.foreignRequests.push(req.url());
  });
  page.on('requestfailed', (req) => {
    if (isLocal(req.url())) problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.badResponses.push(`${res.status()} ${res.url()}`);
  });
  return {
    context,
    page,
    problems,
    url: (path) => site.origin + path,
    problemList: () => [
      ...problems.consoleErrors.map((m) => `console error: ${m}`),
      ...problems.pageErrors.map((m) => `uncaught error: ${m}`),
      ...problems.failedRequests.map((m) => `failed request: ${m}`),
      ...problems.badResponses.map((m) => `HTTP error: ${m}`),
      ...problems.foreignRequests.map((m) => `request to another origin: ${m}`),
    ],
  };
}

/** Opens a page in a fresh context, runs `body`, and always closes the context. */
export async function withFirefoxPage<T>(site: FirefoxSite, body: (w: FirefoxPage) => Promise<T>): Promise<T> {
  const w = await openFirefoxPage(site);
  try {
    return await body(w);
  } finally {
    await w.context.close();
  }
}
