// Keyboard: the first Tab from the top of a page reaches the skip link, which is then visible, and
// following it moves focus to <main id="main">.
import { describe, expect, it } from 'vitest';
import { builtPages, builtQuestions, openPage, useSite } from './harness.ts';

const site = useSite();
const probe = [
  '/',
  ...builtQuestions()
    .slice(0, 1)
    .map((q) => q.url),
  ...builtPages()
    .filter((p) => p.url === '/404.html')
    .map((p) => p.url),
];

describe('the skip link', () => {
  it.each(probe)('%s: Tab reaches the skip link first; Enter moves focus to main', async (url) => {
    const { page, context } = await openPage(site);
    try {
      await page.goto(url);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const r = el?.getBoundingClientRect();
        return {
          html: el ? el.outerHTML.slice(0, 120) : 'nothing',
          isSkipLink: Boolean(el?.matches('a.skip-link[href="#main"]')),
          onScreen: Boolean(r && r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth),
        };
      });
      expect(first.isSkipLink, `${url}: first Tab focused ${first.html}, not <a class="skip-link" href="#main">`).toBe(true);
      expect(first.onScreen, `${url}: the focused skip link is not visible on screen`).toBe(true);

      await page.keyboard.press('Enter');
      const inMain = (): Promise<{ ok: boolean; html: string }> =>
        page.evaluate(() => ({
          ok: Boolean(document.activeElement?.closest('main#main')),
          html: document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : 'nothing',
        }));
      let focus = await inMain();
      if (!focus.ok) {
        // Browsers move the sequential-navigation starting point to the target even when main itself is
        // not focusable: the next Tab must then land inside main.
        await page.keyboard.press('Tab');
        focus = await inMain();
      }
      expect(focus.ok, `${url}: after following the skip link, focus is on ${focus.html}, not in main#main`).toBe(true);
      expect(new URL(page.url()).hash, `${url}: URL hash after following the skip link`).toBe('#main');
    } finally {
      await context.close();
    }
  });
});
