// The glossary preview of <Term> (issue 13): hidden until its link is hovered or focused from the keyboard,
// then on screen, inside the viewport, with the definition, and named by the link's aria-describedby; the link
// still goes to the glossary entry with JavaScript off. Ids are unique per occurrence (html-validate checks
// duplicates on every page).
import { describe, expect, it } from 'vitest';
import { openPage, useSite } from './harness.ts';

const site = useSite();
const url = '/questions/residual-as-a-reminder/';

describe('glossary term preview', () => {
  for (const width of [390, 1280]) {
    it(`${url} at ${width} px: Tab onto a term shows its definition, inside the viewport`, async () => {
      const { page, context } = await openPage(site, { viewport: { width, height: 800 } });
      try {
        await page.goto(url);
        const link = page.locator('.prose a.term').first();
        const tipId = await link.getAttribute('aria-describedby');
        expect(tipId, 'the term link names its preview with aria-describedby').toBeTruthy();
        const tip = page.locator(`[id="${tipId}"]`);
        expect(await tip.getAttribute('role')).toBe('tooltip');
        expect(await tip.getAttribute('data-pagefind-ignore')).not.toBeNull();
        expect(await tip.isVisible(), 'hidden before focus').toBe(false);

        // Reach the link by keyboard: focus what precedes it, then Tab.
        await link.focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.classList.contains('term'))).toBe(true);
        expect(await tip.isVisible(), 'visible on keyboard focus').toBe(true);
        const box = (await tip.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
        const href = (await link.getAttribute('href'))!;
        const id = href.split('#')[1]!;
        expect(await tip.textContent()).toMatch(/\S.{20,}/);

        await page.keyboard.press('Tab');
        expect(await tip.isVisible(), 'hidden again when focus moves on').toBe(false);
        await link.hover();
        expect(await tip.isVisible(), 'visible on hover').toBe(true);
        expect(href).toBe(`/glossary/#${id}`);
      } finally {
        await context.close();
      }
    });
  }

  it('the link works without JavaScript', async () => {
    const { page, context } = await openPage(site, { javaScriptEnabled: false });
    try {
      await page.goto(url);
      const link = page.locator('.prose a.term').first();
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await page.waitForURL(`**${href}`);
      expect(await page.locator(`[id="${href.split('#')[1]}"]`).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
