// Readable from 360 px wide: no page scrolls sideways. On failure, name the elements that stick out.
import { describe, expect, it } from 'vitest';
import { builtPages, useSite, useTab } from './harness.ts';

const site = useSite();
const pages = builtPages();
const WIDTH = 360;

const tab = useTab(site, { viewport: { width: WIDTH, height: 740 } }); // one narrow tab, reused from page to page

describe(`at ${WIDTH} px wide no page scrolls sideways`, () => {
  it.each(pages.map((p) => [p.url, p]))('%s', async (_url, p) => {
    const { page } = await tab();
    await page.goto(p.url, { waitUntil: 'load' });
    const m = await page.evaluate(() => {
      const describe = (el: Element): string => {
        let s = el.tagName.toLowerCase();
        if (el.id) s += '#' + el.id;
        for (const c of Array.from(el.classList).slice(0, 3)) s += '.' + c;
        return s;
      };
      const width = window.innerWidth;
      const offenders = Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        // the outermost offenders only, not all their children
        .filter((el, _i, all) => !all.includes(el.parentElement as Element))
        .slice(0, 8)
        .map((el) => `${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
      return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: width, offenders };
    });
    expect(
      m.scrollWidth,
      `${p.url}: page is ${m.scrollWidth} px wide in a ${m.innerWidth} px window; wider than the window: ${m.offenders.join(', ') || '(none found)'}`,
    ).toBeLessThanOrEqual(m.innerWidth);
  });
});
