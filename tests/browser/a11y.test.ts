// axe on every page, in the light and in the dark theme (chosen through prefers-color-scheme, the
// way a reader's system chooses it): no violation of serious or critical impact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { builtPages, openPage, useSite, type BuiltPage, type WatchedPage } from './harness.ts';

const site = useSite();
const pages = builtPages();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// one tab per theme, reused from page to page (a fresh context per page costs more than the check)
const tabs = {} as Record<'light' | 'dark', WatchedPage>;
beforeAll(async () => {
  tabs.light = await openPage(site, { colorScheme: 'light' });
  tabs.dark = await openPage(site, { colorScheme: 'dark' });
});
afterAll(async () => {
  await tabs.light?.context.close();
  await tabs.dark?.context.close();
});

/** One line per serious or critical violation, naming the rule and the elements. */
async function axeProblems(p: BuiltPage, scheme: 'light' | 'dark'): Promise<string[]> {
  const { page } = tabs[scheme];
  await page.goto(p.url, { waitUntil: 'load' });
  const theme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  if (theme !== scheme) return [`data-theme is "${theme}" under prefers-color-scheme: ${scheme}, so the ${scheme} theme was not checked`];
  // resultTypes: axe then details only the violations (less work; passes are not reported anyway)
  const { violations } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${scheme}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ` +
        v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`)
          .join('; '),
    );
}

describe('axe finds no serious or critical violation, in light and in dark', () => {
  it.each(pages.map((p) => [p.url, p]))('%s', async (_url, p) => {
    // both themes at once: axe is CPU-bound and the machine has two cores
    const [light, dark] = await Promise.all([axeProblems(p, 'light'), axeProblems(p, 'dark')]);
    expect([...light, ...dark], `${p.url}: axe violations (${TAGS.join(', ')})`).toEqual([]);
  });
});

describe('axe on the open search dialog, with results', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`in ${scheme}`, async () => {
      const { page } = tabs[scheme];
      await page.goto('/');
      await page.click('button[data-search-open]');
      await page.fill('input[data-search-input]', 'residual');
      await page.locator('ol[data-search-results] li a[href]').first().waitFor({ timeout: 30_000 }); // generous: the first search loads Pagefind's index on a busy machine
      const { violations } = await new AxeBuilder({ page })
        .include('dialog[data-search]')
        .withTags(TAGS)
        .options({ resultTypes: ['violations'] })
        .analyze();
      const bad = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 5)
              .map((n) => n.target.join(' '))
              .join('; ')}`,
        );
      expect(bad, `search dialog in ${scheme}: axe violations`).toEqual([]);
    });
  }
});
