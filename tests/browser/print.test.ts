// Printing a question page (print media emulated in Chromium): no controls (header with nav, search and theme
// switch, search dialog, skip link, contents, previous/next, buttons, forms, the editable code), but the
// question, its short answer, its figures and tables (collapsed data tables open) and references; light colours
// even in the dark theme; and page.pdf() makes a PDF.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { builtPages, builtQuestions, openPage, useSite, useTab } from './harness.ts';

const site = useSite();
const questions = builtQuestions();
/** One dark tab for the question pages (useTab), put back to screen media before each page. */
const darkTab = useTab(site, { colorScheme: 'dark' });
/** Other pages with figures (the claims page): the question pages' figures are checked with the rest of them. */
const withFigures = builtPages().filter(
  (p) => !questions.some((q) => q.url === p.url) && readFileSync(p.path, 'utf8').includes('class="evidence-figure'),
);
/** A figure prints with its data table open (collapsed on screen). */
const FIGURE_PARTS = ['.evidence-figure', 'details.evidence-table table'];

/** On screen the figures' data tables are collapsed (so opening them in print is the print styles' doing). */
async function tablesCollapsedOnScreen(page: Page): Promise<boolean> {
  const tables = page.locator('details.evidence-table table');
  return (await tables.count()) === 0 || !(await tables.first().isVisible());
}

/** Controls that must not print (each selector may match nothing on a given page). */
const CONTROLS = [
  'header.site-header',
  'nav.site-nav',
  'button[data-search-open]',
  'button[data-theme-toggle]',
  'dialog[data-search]',
  'a.skip-link',
  'nav.toc',
  'nav.pager',
  'button',
  'form',
  'progress',
  '.evidence-code',
  '.cm-editor',
  'footer.site-footer',
];

/** A chart is drawn twice (wide and narrow) and the figure's width shows one of them (Figure.astro). */
const CHART_COPY = '.evidence-svg';

/** Content that must print, when the page has it. */
const CONTENT = [
  'h1',
  '[data-short-answer]',
  'article table',
  'article figure',
  `article figure svg:not(${CHART_COPY} svg)`,
  '#references',
];

/** How many elements match, and how many of them are visible (Playwright's rule: a non-empty box and not
 * visibility: hidden), counted in the page in one round trip instead of one per element. */
async function visibleCount(page: Page, selector: string): Promise<{ all: number; visible: number }> {
  return page.evaluate((sel) => {
    const items = [...document.querySelectorAll(sel)];
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility === 'visible';
    };
    return { all: items.length, visible: items.filter(shown).length };
  }, selector);
}

/** Figures whose chart (drawn wide and narrow) does not show exactly one copy, by their position on the page. */
async function chartsPrintingOnce(page: Page): Promise<string[]> {
  return page.evaluate((copy) => {
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility === 'visible';
    };
    return [...document.querySelectorAll('figure')]
      .map((figure, i) => ({ i, copies: [...figure.querySelectorAll(`${copy} svg`)] }))
      .filter(({ copies }) => copies.length > 0 && copies.filter(shown).length !== 1)
      .map(({ i, copies }) => `figure ${i + 1}: ${copies.filter(shown).length} of ${copies.length} chart copies visible`);
  }, CHART_COPY);
}

describe('printing', () => {
  it('the build has question pages', () => expect(questions.length).toBeGreaterThan(0));

  it.each(questions.map((q) => [q.url, q]))('%s: no controls; question, answer, figures, tables and references print', async (_url, q) => {
    const w = await darkTab();
    await w.page.emulateMedia({ media: 'screen' });
    await w.page.goto(q.url);
    // On screen the controls are there (so hiding them in print is something the print styles do).
    expect((await visibleCount(w.page, 'header.site-header')).visible, `${q.url}: header on screen`).toBe(1);
    expect(await tablesCollapsedOnScreen(w.page), `${q.url}: on screen the data tables are collapsed`).toBe(true);
    await w.page.emulateMedia({ media: 'print' });
    for (const selector of CONTROLS) {
      const { visible } = await visibleCount(w.page, selector);
      expect(visible, `${q.url}: "${selector}" visible in print`).toBe(0);
    }
    for (const selector of [...CONTENT, ...FIGURE_PARTS]) {
      const { all, visible } = await visibleCount(w.page, selector);
      expect(visible, `${q.url}: "${selector}" in print (${all} on the page)`).toBe(all);
    }
    expect(await chartsPrintingOnce(w.page), `${q.url}: figures whose chart does not print exactly once`).toEqual([]);
    expect(await w.page.locator('h1').isVisible()).toBe(true);
    // Light paper whatever the screen theme.
    expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(w.problemList()).toEqual([]);
  });

  it('page.pdf() prints a question page to a PDF of at least one page', async () => {
    const w = await openPage(site);
    try {
      await w.page.goto(questions[0]!.url);
      const pdf = await w.page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(0);
    } finally {
      await w.context.close();
    }
  });

  it('the build has other pages with figures', () => expect(withFigures.length).toBeGreaterThan(0));

  it.each(withFigures.map((p) => [p.url, p]))('%s: every figure prints with its data table open', async (_url, p) => {
    const w = await openPage(site);
    try {
      await w.page.goto(p.url);
      expect(await w.page.locator('details.evidence-table table').count(), `${p.url}: data tables in figures`).toBeGreaterThan(0);
      expect(await tablesCollapsedOnScreen(w.page), `${p.url}: on screen the data tables are collapsed`).toBe(true);
      await w.page.emulateMedia({ media: 'print' });
      for (const selector of FIGURE_PARTS) {
        const { all, visible } = await visibleCount(w.page, selector);
        expect(visible, `${p.url}: "${selector}" in print`).toBe(all);
      }
      expect(await chartsPrintingOnce(w.page), `${p.url}: figures whose chart does not print exactly once`).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});
