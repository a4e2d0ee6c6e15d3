// "Translate it yourself" in a real browser (Debian Chromium, built site): nothing but the small loader before a click
// (no worker, no TF.js, no step 2); a short training (`?translate.steps=`, which the page states) runs to done, then a chosen
// sentence is translated into five tokens per column, each with a cross-attention row of five weights that sum to 1,
// with no console error and no CSP violation; a second translation leaves the worker's tensors where they were; Cancel
// stops a training and Translate waits for a new one. The default training's time is logged, never asserted.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openPage, useSite, type WatchedPage } from './harness.ts';
import { recordViolations, violations } from './csp-watch.ts';
import { clickAndSettle } from './settle.ts';
import { axeProblems } from './axe.ts';

const site = useSite();
const PAGE = '/questions/anatomy-of-a-decoder-layer/';
const SHORT = 40;

async function withPage<T>(fn: (w: WatchedPage) => Promise<T>): Promise<T> {
  const watched = await openPage(site);
  await recordViolations(watched.context);
  try {
    return await fn(watched);
  } finally {
    await watched.close();
  }
}

async function train(island: Locator, button = 'Train the translator'): Promise<{ state: string; text: string; ms: number }> {
  const t0 = Date.now();
  const state = await clickAndSettle(island, island.getByRole('button', { name: button }));
  return {
    state,
    text: `${await island.locator('[data-progress-text]').textContent()} ${await island.locator('[data-error]').textContent()}`,
    ms: Date.now() - t0,
  };
}

const translate = (island: Locator) =>
  clickAndSettle(island, island.getByRole('button', { name: 'Translate' }), { attribute: 'data-translate-state', ends: ['done', 'error'] });

/** Each column's tokens: the word's line and its attention row's numbers. */
async function columns(island: Locator) {
  return island.locator('[data-column]').evaluateAll((cols) =>
    cols.map((c) => ({
      mode: (c as HTMLElement).dataset.column,
      tokens: [...c.querySelectorAll('[data-tokens] > li')].map((li) => ({
        right: (li as HTMLElement).dataset.right,
        line: li.querySelector('div')!.textContent!,
        headers: [...li.querySelectorAll('table[data-attention] th')].map((th) => th.textContent),
        weights: [...li.querySelectorAll('table[data-attention] td')].map((td) => Number(td.textContent)),
        caption: li.querySelector('table[data-attention] caption')?.textContent ?? '',
      })),
    })),
  );
}

describe('translate it yourself', () => {
  it('trains (short run, stated), translates a chosen sentence token by token in both columns, no console error, no CSP violation', async () => {
    await withPage(async (w) => {
      const scripts: string[] = [];
      w.page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await w.page.goto(`${PAGE}?translate.steps=${SHORT}`);
      const island = w.page.locator('[data-translate]');
      await island.scrollIntoViewIfNeeded();
      expect(await island.getAttribute('data-state')).toBe('idle');
      expect(await island.locator('[data-needs-js]').isHidden()).toBe(true);
      // Before a click: no worker, no panel, no TF.js, and step 2 is not in the page yet.
      expect(scripts.filter((s) => /worker|translate-panel|tfjs|live-chart/.test(s))).toEqual([]);
      expect(await island.locator('[data-sentence]').count()).toBe(0);

      const r = await train(island);
      expect(await island.locator('select[data-slot]').count()).toBe(5);
      expect(r.state, r.text).toBe('done');
      console.log(`translate: ${SHORT}-step training in headless Chromium, click to done: ${(r.ms / 1000).toFixed(1)} s`);
      // The page says how many steps it trained, and that this is fewer than E15's default.
      expect(r.text).toMatch(new RegExp(`seed 1, ${SHORT} training steps \\(E15’s default is \\d+: this link asked for fewer\\)`));
      expect(await island.getAttribute('data-steps')).toBe(String(SHORT));
      expect(await island.locator('[data-curve] figure').count()).toBe(1);

      // A chosen sentence: the first word of every slot.
      const selects = island.locator('select[data-slot]');
      for (let i = 0; i < 5; i++) {
        const first = await selects.nth(i).locator('option').first().getAttribute('value');
        await selects.nth(i).selectOption(first!);
      }
      const names = await selects.evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent!.trim()));
      expect(await translate(island), (await island.locator('[data-notice]').textContent()) ?? '').toBe('done');
      const cols = await columns(island);
      expect(cols.map((c) => c.mode)).toEqual(['teacher-forced', 'free-running']);
      for (const c of cols) {
        expect(c.tokens, c.mode).toHaveLength(5);
        for (const t of c.tokens) {
          expect(t.headers).toEqual(names);
          expect(t.weights).toHaveLength(5);
          // Shown to 2 decimals: five roundings off a sum of 1.
          expect(Math.abs(t.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(0.03);
          expect(t.caption).toMatch(/mean over heads, layer dec\.\d+\.cross/);
          expect(t.line).toMatch(/p = \d\.\d\d/);
          expect(['true', 'false']).toContain(t.right);
        }
      }
      expect(await island.locator('[data-correct]').textContent()).toContain(names.join(' '));
      expect(await island.locator('[data-translate-summary]').textContent()).toMatch(
        /Teacher-forced: \d of 5 words correct; free-running: \d of 5\./,
      );

      // Accessible after a run, the attention cells' contrast included, in the light and the dark theme.
      expect(await axeProblems(w.page, 'translate-yourself'), 'light').toEqual([]);
      await w.page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeProblems(w.page, 'translate-yourself'), 'dark').toEqual([]);

      // Another sentence: the worker's tensors stay where they were (the kept model's, nothing more).
      const tensors = await island.getAttribute('data-tensors');
      await island.getByRole('button', { name: 'Random sentence' }).click();
      expect(await translate(island)).toBe('done');
      expect(await island.getAttribute('data-tensors')).toBe(tensors);
      expect((await columns(island)).map((c) => c.tokens.length)).toEqual([5, 5]);

      // Training again replaces the kept model (the old one disposed): as many tensors as after the first training.
      const again = train(island, 'Train again');
      await expect.poll(() => island.getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
      expect(await island.locator('[data-result]').isHidden()).toBe(true);
      expect((await again).state).toBe('done');
      expect(await island.getAttribute('data-tensors')).toBe(tensors);

      expect(await violations(w.page)).toEqual([]);
      expect(w.problemList()).toEqual([]);
    });
  });

  it('Cancel stops a training, Translate waits for a new one; E15’s default training runs to done (its time logged)', async () => {
    await withPage(async (w) => {
      await w.page.goto(PAGE);
      const island = w.page.locator('[data-translate]');
      await island.scrollIntoViewIfNeeded();
      await island.getByRole('button', { name: 'Train the translator' }).click();
      await expect.poll(() => island.getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
      await island.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => island.getAttribute('data-state'), { timeout: 30_000 }).toBe('cancelled');
      expect(await island.getByRole('button', { name: 'Translate' }).isDisabled()).toBe(true);

      const r = await train(island);
      expect(r.state, r.text).toBe('done');
      expect(r.text).toMatch(/seed 1, \d+ training steps \(E15’s default\)/);
      console.log(
        `translate: E15's default training in headless Chromium, click to done: ${(r.ms / 1000).toFixed(1)} s (${r.text.trim()})`,
      );
      expect(await island.getByRole('button', { name: 'Translate' }).isEnabled()).toBe(true);
      expect(await violations(w.page)).toEqual([]);
      expect(w.problemList()).toEqual([]);
    });
  });
});
