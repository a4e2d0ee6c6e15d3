// axe-core run in the page directly: @axe-core/playwright's analyze() opens a blank page per call to
// finish its run, which made the a11y suite 3–4× slower than axe itself (8.4 s vs 2.3 s on the longest
// answer, measured). Our pages have no iframes, so a plain axe.run on the document sees everything.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * The rules of AXE_TAGS whose outcome depends on colours: all that can change between the light and the dark
 * theme, whose pages have the same DOM (the theme is CSS custom properties under [data-theme]).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * One line per violation of serious or critical impact within `include` (the whole page by default), over the
 * rules of AXE_TAGS, or only the given rules.
 */
export async function axeProblems(page: Page, include?: string, rules?: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const runOnly = rules ? { type: 'rule' as const, values: [...rules] } : { type: 'tag' as const, values: AXE_TAGS };
  const violations = await page.evaluate(
    ({ runOnly, include }) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(include ? { include: [include] } : document, { runOnly, resultTypes: ['violations'] })
        .then((r) =>
          r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
            })),
        ),
    { runOnly, include },
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ` +
      v.nodes
        .slice(0, 5)
        .map((n) => `${n.target}${n.summary ? ` [${n.summary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`)
        .join('; '),
  );
}
