// Firefox: search through the UI (the header button, then typing) finds a question first by its key words,
// shows it with marked matches, and Escape closes the dialog (search.test.ts checks much more in Chromium).
import { describe, expect, it } from 'vitest';
import { keyWords } from '../keywords.ts';
import { builtQuestions, withFirefoxPage, type FirefoxSite } from './harness.ts';

const question = builtQuestions().find((q) => q.id === 'skip-vs-residual') ?? builtQuestions()[0];

export function searchFinds(site: FirefoxSite): void {
  describe('Firefox: search', () => {
    it(`finds "${question?.question}" first by its key words`, async () => {
      expect(question, 'the build has question pages').toBeDefined();
      const query = keyWords(question!.question).join(' ');
      await withFirefoxPage(site, async (w) => {
        await w.page.goto(w.url('/'));
        await w.page.click('button[data-search-open]');
        await w.page.waitForSelector('dialog[data-search][open] input[data-search-input]', { visible: true, timeout: 10_000 });
        expect(
          await w.page.evaluate(() => document.activeElement?.matches('input[data-search-input]')),
          'focus is in the search input',
        ).toBe(true);
        await w.page.keyboard.type(query);
        await w.page.waitForSelector('ol[data-search-results] li a[href]', { timeout: 30_000 });
        const first = await w.page.$eval('ol[data-search-results] li', (li) => ({
          href: new URL(li.querySelector('a')!.href).pathname,
          marks: li.querySelectorAll('mark').length,
        }));
        expect(first.href, `search for "${query}": the first result`).toBe(question!.url);
        expect(first.marks, 'matched words are marked in the first result').toBeGreaterThan(0);
        await w.page.keyboard.press('Escape');
        expect(await w.page.$eval('dialog[data-search]', (d) => d.hasAttribute('open')), 'Escape closes the dialog').toBe(false);
        expect(w.problemList(), 'problems while searching').toEqual([]);
      });
    });
  });
}
