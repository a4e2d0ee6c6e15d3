// Firefox: every built page loads with no console error, no uncaught error, no failed or 4xx/5xx request
// and no request to another origin (pages-load.test.ts checks the same in Chromium); and, since Firefox
// does not report Content Security Policy violations as console errors over BiDi, no violation either;
// nor any MathML element with a wrong number of children once parsed.
import { describe, expect, it } from 'vitest';
import { builtPages, mathArityErrors, withFirefoxPage, type FirefoxSite } from './harness.ts';

/** Installed before any page script: every `securitypolicyviolation` lands in window.__cspViolations. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.sourceFile ? ' (at ' + e.sourceFile + ':' + e.lineNumber + ')' : ''));
  });
`;
const pages = builtPages();

/** Registers these checks on `site` (tests/browser/firefox/suite.test.ts launches Firefox once for all). */
export function pagesLoad(site: FirefoxSite): void {
  describe('Firefox: every page loads cleanly', () => {
    it('the build has pages to test', () => expect(pages.length).toBeGreaterThan(0));

    // One context for all pages: a fresh context per page would cost more than the pages themselves.
    // The service worker is what a reader would have too; each page is still a full navigation.
    it('each page, in turn, with nothing wrong', async () => {
      await withFirefoxPage(site, async (w) => {
        await w.page.evaluateOnNewDocument(RECORD_VIOLATIONS);
        const report: string[] = [];
        for (const p of pages) {
          const res = await w.page.goto(w.url(p.url), { waitUntil: 'load' });
          // Module scripts may log after load; give them a moment before reading the log.
          await w.page.waitForNetworkIdle({ idleTime: 150, timeout: 10_000 }).catch(() => {});
          const violations = await w.page.evaluate(
            () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['the recorder was not installed'],
          );
          for (const v of violations) report.push(`${p.url}: CSP violation: ${v}`);
          // Firefox's MathML reports while parsing are not counted (harness.ts); the parsed math must be right.
          for (const m of await mathArityErrors(w.page)) report.push(`${p.url}: MathML: ${m}`);
          if (res?.status() !== 200) report.push(`${p.url}: HTTP status ${res?.status()}`);
          for (const problem of w.problemList()) report.push(`${p.url} (dist/${p.file}): ${problem}`);
          for (const list of Object.values(w.problems)) list.length = 0;
        }
        expect(report, `problems while loading ${pages.length} pages in Firefox`).toEqual([]);
      });
    });

    it('an unknown URL gets the 404 page with status 404', async () => {
      await withFirefoxPage(site, async (w) => {
        // goto() answers null for an error status over BiDi; the response event still carries it.
        const status = new Promise<number>((done) => w.page.on('response', (r) => r.url() === w.url('/no-such-page/') && done(r.status())));
        await w.page.goto(w.url('/no-such-page/'), { waitUntil: 'load' });
        expect(await status).toBe(404);
        expect(await w.page.$$eval('main#main', (m) => m.length), 'the 404 page has <main id="main">').toBe(1);
      });
    });
  });
}
