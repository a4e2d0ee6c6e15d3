// axe on every page, in the light and in the dark theme (chosen through prefers-color-scheme, the
// way a reader's system chooses it): no violation of serious or critical impact. Every rule runs in the
// light theme; the dark theme, the same DOM under other colours, runs the rules that depend on colours.
import { describe, expect, it } from 'vitest';
import { AXE_TAGS, axeProblems, COLOUR_RULES } from './axe.ts';
import { builtPages, useSite, useTab, type BuiltPage } from './harness.ts';

const site = useSite();
const pages = builtPages();

// one tab per theme, reused from page to page (a fresh context per page costs more than the check)
const tabs = { light: useTab(site, { colorScheme: 'light' }), dark: useTab(site, { colorScheme: 'dark' }) };

/** The page's problems in one theme (axe runs in the tab whose prefers-color-scheme is that theme). */
async function problemsIn(p: BuiltPage, scheme: 'light' | 'dark'): Promise<string[]> {
  const { page } = await tabs[scheme]();
  await page.goto(p.url, { waitUntil: 'load' });
  const theme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  if (theme !== scheme) return [`data-theme is "${theme}" under prefers-color-scheme: ${scheme}, so the ${scheme} theme was not checked`];
  if (scheme === 'dark') {
    // the same DOM as in light (the theme is CSS custom properties): only what colours decide can differ
    const swapped = await page.evaluate(() => document.querySelectorAll('picture source[media*="prefers-color-scheme"]').length);
    if (swapped) return [`dark: ${swapped} <source> element(s) swap content by colour scheme: run every rule in dark too`];
  }
  return (await axeProblems(page, undefined, scheme === 'dark' ? COLOUR_RULES : undefined)).map((line) => `${scheme}: ${line}`);
}

describe('axe finds no serious or critical violation, in light and in dark', () => {
  it.each(pages.map((p) => [p.url, p]))('%s', async (_url, p) => {
    // both themes at once: axe is CPU-bound and the machine has two cores
    const [light, dark] = await Promise.all([problemsIn(p, 'light'), problemsIn(p, 'dark')]);
    expect([...light, ...dark], `${p.url}: axe violations (${AXE_TAGS.join(', ')})`).toEqual([]);
  });
});

describe('axe on the open search dialog, with results', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`in ${scheme}`, async () => {
      const { page } = await tabs[scheme]();
      await page.goto('/');
      await page.click('button[data-search-open]');
      await page.fill('input[data-search-input]', 'residual');
      await page.locator('ol[data-search-results] li a[href]').first().waitFor({ timeout: 60_000 }); // generous: the first search loads Pagefind's index (up to ~60 s seen on a loaded 2-core machine)
      const bad = await axeProblems(page, 'dialog[data-search]');
      expect(bad, `search dialog in ${scheme}: axe violations`).toEqual([]);
    });
  }
});
