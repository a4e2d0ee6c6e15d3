// useTab (harness.ts), which the page-after-page tests share: the same tab every time, and a test sees only the
// problems of its own pages, not those of a request the last page still had in flight when the test began. On a
// quiet machine that request has ended by the time about:blank has loaded anyway: the wait makes it a guarantee,
// not a timing. (A favicon the browser starts fetching as the tab moves on is not covered by it: harness.ts leaves
// its abort out of the failures.)
import { describe, expect, it } from 'vitest';
import { useSite, useTab, type WatchedPage } from './harness.ts';

const site = useSite();
const tab = useTab(site);

describe('one tab for a whole file', () => {
  let first: WatchedPage;

  it('records the problems of the page it is on', async () => {
    first = await tab();
    await first.page.goto('/');
    await first.page.evaluate(() => console.error('a problem on purpose'));
    await expect.poll(() => first.problemList(), { timeout: 30_000 }).toEqual([expect.stringMatching(/a problem on purpose/)]);
  });

  it('is the same tab in the next test, with the last page’s problems gone', async () => {
    const next = await tab();
    expect(next.context).toBe(first.context);
    expect(next.problemList()).toEqual([]);
  });

  it('gives the tab only once the requests the last page had in flight have ended, and their failure is not the next test’s', async () => {
    const w = await tab();
    await w.page.goto('/');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await w.page.route('**/held-on-purpose', async (route) => {
      await held; // answered only after the page is gone: leaving it aborts the request
      await route.fulfill({ status: 200, body: 'late' }).catch(() => {});
    });
    let failed = false;
    w.page.on('requestfailed', (req) => (failed ||= req.url().endsWith('/held-on-purpose')));
    const requested = w.page.waitForRequest('**/held-on-purpose');
    await w.page.evaluate(() => void fetch('/held-on-purpose').catch(() => {}));
    await requested;
    const next = await tab(); // leaves the page with the request still held
    expect(failed, 'tab() returned before the held request had ended').toBe(true);
    expect(next.problemList()).toEqual([]);
    release();
    await next.page.unroute('**/held-on-purpose');
  });
});
