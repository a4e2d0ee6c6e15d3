// "Copy as Markdown" on a question page: with JavaScript the button copies the page's Markdown twin and
// says so; without it the button is hidden and the plain link to the .md is there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtQuestions, DIST, openPage, useSite } from './harness.ts';

const site = useSite();
const q = builtQuestions()[0]!;

describe('Copy as Markdown', () => {
  it(`${q.url}: the button copies the twin`, async () => {
    const w = await openPage(site);
    try {
      await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      await w.page.goto(q.url);
      await w.page.locator('button[data-copy-markdown]').click();
      await expect.poll(() => w.page.locator('[data-copy-status]').textContent(), { timeout: 30_000 }).toBe('Copied.');
      const copied = await w.page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(readFileSync(join(DIST, 'questions', `${q.id}.md`), 'utf8'));
      expect(w.problemList()).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it(`${q.url}: without JavaScript, the link and no button`, async () => {
    const w = await openPage(site, { javaScriptEnabled: false });
    try {
      await w.page.goto(q.url);
      expect(await w.page.locator('button[data-copy-markdown]').isVisible()).toBe(false);
      const link = w.page.locator('a[data-markdown-link]');
      expect(await link.isVisible()).toBe(true);
      const response = await w.page.request.get(String(await link.getAttribute('href')));
      expect(response.status()).toBe(200);
      expect(await response.text()).toMatch(/^# /);
    } finally {
      await w.context.close();
    }
  });
});
