// axe on every page, in the light and in the dark theme (chosen through prefers-color-scheme, the
// way a reader's system chooses it): no violation of serious or critical impact.
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { builtPages, openPage, useSite } from './harness.ts';

const site = useSite();
const pages = builtPages();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('axe finds no serious or critical violation', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(pages.map((p) => [p.url, p]))(`%s in ${scheme}`, async (_url, p) => {
      const { page, context } = await openPage(site, { colorScheme: scheme });
      try {
        await page.goto(p.url, { waitUntil: 'load' });
        const theme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
        expect(theme, `${p.url}: data-theme under prefers-color-scheme: ${scheme}`).toBe(scheme);
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ` +
              v.nodes
                .slice(0, 5)
                .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`)
                .join('; '),
          );
        expect(bad, `${p.url} in ${scheme}: axe violations (${TAGS.join(', ')})`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
