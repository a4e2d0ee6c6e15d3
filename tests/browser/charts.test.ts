// The evidence charts as a reader sees them (issue 13): one colour per variant on every chart of every page,
// a caption sentence under every chart with no list of raw numbers, chart text of at least 11 CSS px at a
// 390 px viewport (and on a desktop), and steps-to-target charts that show a variant which did not reach the
// target as a "not reached" row (checked on a live run with a budget too short for any merge). Each check
// runs in the page and returns its problems; a fixture page broken on purpose shows that each can fail.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, openPage, useSite, useTab } from './harness.ts';
import { clickAndSettle } from './settle.ts';

const site = useSite();
const pages = builtPages().filter((p) => p.url.startsWith('/questions/') || p.url === '/claims/');
const MIN_PX = 11;

const tab = useTab(site, { viewport: { width: 390, height: 844 } });

/** Per variant, the colours its series have in the legends of the page ("post-ln, lr 0.01" names Post-LN too),
 * each checked against the marks of the chart's visible SVG. */
function variantColors(): { colors: Record<string, string[]>; problems: string[] } {
  const variants: [string, RegExp][] = [
    ['Post-LN', /post[- ]?ln|post-norm/i],
    ['Pre-LN', /pre[- ]?ln|pre-norm/i],
  ];
  const colors: Record<string, string[]> = {};
  const problems: string[] = [];
  document.querySelectorAll('figure.evidence-figure').forEach((fig) => {
    const svg = [...fig.querySelectorAll<SVGSVGElement>('svg.evidence-plot')].find((s) => s.getBoundingClientRect().width > 0);
    const painted = new Set(
      [...(svg?.querySelectorAll('[stroke], [fill]') ?? [])].flatMap((e) => [e.getAttribute('stroke'), e.getAttribute('fill')]),
    );
    fig.querySelectorAll<HTMLElement>('.evidence-legend li').forEach((li) => {
      const label = li.textContent?.trim() ?? '';
      const color = li.dataset.seriesColor ?? '';
      if (!painted.has(color)) problems.push(`“${label}”: legend colour ${color} is not drawn in its chart`);
      for (const [name, re] of variants) if (re.test(label)) (colors[name] ??= []).push(`${color} (${label})`);
    });
  });
  return { colors, problems };
}

/** Figures without a one-sentence caption, or whose caption lists three or more numbers. */
function captionProblems(): string[] {
  return [...document.querySelectorAll('figure.evidence-figure')].flatMap((fig) => {
    const title = fig.querySelector('svg.evidence-plot')?.getAttribute('aria-label') ?? '(untitled chart)';
    const caption = fig.querySelector('figcaption')?.textContent?.trim() ?? '';
    if (!/^\S.*[.!?]$/.test(caption)) return [`${title}: no caption sentence (“${caption}”)`];
    const numbers = caption.match(/\d+(?:[.,]\d+)?/g) ?? [];
    return numbers.length >= 3 ? [`${title}: caption lists numbers (${numbers.join(', ')})`] : [];
  });
}

/** Text of a visible chart SVG drawn smaller than `min` CSS px (its font size times the SVG's scale). */
function smallText(min: number): string[] {
  return [...document.querySelectorAll<SVGSVGElement>('svg.evidence-plot')].flatMap((svg) => {
    const width = svg.getBoundingClientRect().width;
    if (width === 0) return [];
    const scale = width / (svg.viewBox.baseVal?.width || width);
    const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    const smallest = Math.min(...sizes);
    return smallest < min ? [`${svg.getAttribute('aria-label')}: text at ${smallest.toFixed(1)} px`] : [];
  });
}

async function check<T>(page: Page, fn: (arg: never) => T, arg?: unknown): Promise<T> {
  return page.evaluate(fn as (arg: unknown) => T, arg);
}

describe('every chart on every page', () => {
  const seen: Record<string, Set<string>> = {};
  it.each(pages.map((p) => [p.url]))('%s: variant colours, captions and legible text at 390 px', async (url) => {
    const { page } = await tab();
    await page.goto(url, { waitUntil: 'load' });
    const { colors, problems } = await check(page, variantColors);
    expect(problems).toEqual([]);
    for (const [name, list] of Object.entries(colors)) for (const c of list) (seen[name] ??= new Set()).add(c.split(' ')[0]!);
    expect(await check(page, captionProblems)).toEqual([]);
    expect(await check(page, smallText, MIN_PX)).toEqual([]);
  });
  it('Post-LN has one colour on every chart of the site, and Pre-LN another', () => {
    expect(seen['Post-LN']?.size).toBe(1);
    expect(seen['Pre-LN']?.size).toBe(1);
    expect([...seen['Post-LN']!][0]).not.toBe([...seen['Pre-LN']!][0]);
  });
  it('on a desktop too, no chart text is drawn under 11 px', async () => {
    const desk = await openPage(site, { viewport: { width: 1280, height: 900 } });
    for (const url of pages.map((p) => p.url)) {
      await desk.page.goto(url, { waitUntil: 'load' });
      expect(await check(desk.page, smallText, MIN_PX), url).toEqual([]);
    }
    await desk.context.close();
  });
});

describe('each check fails on a page broken on purpose', () => {
  it('finds a Post-LN series in another colour, a missing caption, a number list and 6 px text', async () => {
    const { page } = await tab();
    await page.goto('/questions/why-add-and-norm/', { waitUntil: 'load' });
    await page.evaluate(() => {
      const fig = document.querySelector('figure.evidence-figure')!;
      // A second figure: its Post-LN legend colour differs, it has no caption, its SVG is 640 wide in a 320 px box.
      const broken = fig.cloneNode(true) as HTMLElement;
      broken.querySelector<HTMLElement>('.evidence-legend li')!.dataset.seriesColor = '#123456';
      broken.querySelector('figcaption')!.remove();
      broken.querySelectorAll('.evidence-svg-narrow').forEach((n) => n.remove());
      broken.querySelector<HTMLElement>('.evidence-svg-wide')!.style.display = 'block';
      broken.querySelector<HTMLElement>('.evidence-svg-wide svg')!.style.width = '320px';
      const listed = fig.cloneNode(true) as HTMLElement;
      listed.querySelector('figcaption')!.textContent = 'Values 0.5, 0.7 and 1.2 in turn.';
      fig.after(broken, listed);
    });
    const { colors, problems } = await check(page, variantColors);
    expect(problems.join('\n')).toContain('#123456');
    expect(new Set(colors['Post-LN']!.map((c) => c.split(' ')[0])).size).toBeGreaterThan(1);
    const captions = await check(page, captionProblems);
    expect(captions.some((p) => p.includes('no caption'))).toBe(true);
    expect(captions.some((p) => p.includes('lists numbers'))).toBe(true);
    expect((await check(page, smallText, MIN_PX)).join('\n')).toMatch(/text at [5-7]\.\d px/);
  });
});

describe('steps to a target', () => {
  it('the built steps-to-target charts have a row for every merge, with a number or "not reached"', async () => {
    const { page } = await tab();
    await page.goto('/questions/skip-vs-residual/', { waitUntil: 'load' });
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('details.evidence-table table')]
        .filter((t) => t.querySelector('caption')?.textContent?.startsWith('Steps to reach the target loss'))
        .map((t) =>
          [...t.querySelectorAll('tbody tr')].map((tr) =>
            [...tr.querySelectorAll('td')]
              .map((td) => td.textContent)
              .join('')
              .trim(),
          ),
        ),
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const rows of tables) {
      expect(rows.length).toBe(3); // the default run: addition and the two concatenations
      for (const cell of rows) expect(cell).toMatch(/^\d+$|^not reached in \d+ steps$/);
    }
  });

  it('a live run whose budget is too short shows every merge as a "not reached" row, in the chart and the table (all five merges)', async () => {
    const run = await openPage(site, { viewport: { width: 1280, height: 900 } });
    const { page } = run;
    const claim = 'e4-addition-trains-no-slower';
    await page.goto(`/questions/skip-vs-residual/?${claim}.layers=1&${claim}.steps=10&${claim}.highwayAndNone=true`, { waitUntil: 'load' });
    const block = page.locator(`[id="evidence-${claim}"]`);
    await block.scrollIntoViewIfNeeded();
    await block.locator('form[data-controls]').waitFor({ state: 'visible' });
    expect(await clickAndSettle(block, block.getByRole('button', { name: /^Run/ }), { timeout: 180_000 })).toBe('done');
    const live = await block.locator('[data-live-chart]').evaluate((host) => {
      const figs = [...host.querySelectorAll('figure')];
      const steps = figs.find((f) => f.querySelector('svg')?.getAttribute('aria-label')?.startsWith('Steps to reach'));
      const table = [...host.querySelectorAll('details.evidence-compare')].find((d) => d.textContent?.includes('Steps to reach'));
      return {
        drawn: [...(steps?.querySelectorAll('svg text') ?? [])].filter((t) => t.textContent === 'not reached in 10 steps').length,
        legend: steps?.querySelectorAll('.evidence-legend li').length ?? 0,
        caption: steps?.querySelector('figcaption')?.textContent ?? '',
        cells: [...(table?.querySelectorAll('tbody tr td:nth-of-type(2)') ?? [])].map((td) => td.textContent),
      };
    });
    expect(live.drawn).toBe(5);
    expect(live.legend).toBe(5);
    expect(live.caption).toContain('No merge reaches the target loss within 10 steps.');
    expect(live.cells).toEqual(Array(5).fill('not reached in 10 steps'));
    expect(run.problemList()).toEqual([]);
    await run.context.close();
  }, 240_000);
});
