// Firefox: the theme follows the system until the reader chooses, the switch flips it and stores the choice,
// and a reload keeps it (theme.test.ts checks the same, and the pre-paint timing, in Chromium). Puppeteer
// cannot emulate prefers-color-scheme over BiDi, so the system scheme is the one headless Firefox reports.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { builtQuestions, withFirefoxPage, type FirefoxSite } from './harness.ts';

const urls = ['/', builtQuestions()[0]?.url ?? '/'];

async function themeState(page: Page): Promise<{ now: string | null; stored: string | null; system: string }> {
  return page.evaluate(() => ({
    now: document.documentElement.getAttribute('data-theme'),
    stored: localStorage.getItem('theme'),
    system: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  }));
}

/** Registers these checks on `site` (tests/browser/firefox/suite.test.ts launches Firefox once for all). */
export function themeSwitch(site: FirefoxSite): void {
  describe('Firefox: the theme switch', () => {
    it.each(urls)('%s: starts as the system says; [data-theme-toggle] switches, stores the choice, a reload keeps it', async (url) => {
      await withFirefoxPage(site, async (w) => {
        await w.page.goto(w.url(url));
        const start = await themeState(w.page);
        expect(start.stored, 'a fresh profile has no stored choice').toBeNull();
        expect(start.now, `data-theme with the system scheme ${start.system}`).toBe(start.system);
        const other = start.system === 'dark' ? 'light' : 'dark';
        expect(await w.page.$$eval('button[data-theme-toggle]', (b) => b.length), 'number of <button data-theme-toggle>').toBe(1);
        await w.page.click('button[data-theme-toggle]');
        expect(await themeState(w.page), 'after clicking the switch').toMatchObject({ now: other, stored: other });
        await w.page.reload();
        expect(await themeState(w.page), 'after a reload').toMatchObject({ now: other, stored: other });
        await w.page.click('button[data-theme-toggle]');
        expect(await themeState(w.page), 'after clicking the switch again').toMatchObject({ now: start.system, stored: start.system });
        expect(w.problemList(), 'problems while switching themes').toEqual([]);
      });
    });
  });
}
