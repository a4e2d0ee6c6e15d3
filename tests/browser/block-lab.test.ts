// The block lab in a real browser (Debian Chromium, built site): a preset runs to done with its claims' verdicts and
// charts, no console error and no CSP violation; five broken edits each get their own message and leave the island
// usable; the URL carries the edited block. No wall-clock assertions: the default run's time is in bench:browser.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openPage, useSite, type WatchedPage } from './harness.ts';
import { recordViolations, violations } from './csp-watch.ts';
import { axeProblems } from './axe.ts';
import { clickAndSettle } from './settle.ts';
import { STALL_LIMIT_MS } from '~/page/run-stops';

const site = useSite();
const PAGE = '/questions/post-ln-vs-pre-ln/';

async function withPage<T>(fn: (w: WatchedPage) => Promise<T>): Promise<T> {
  const watched = await openPage(site);
  await recordViolations(watched.context);
  try {
    return await fn(watched);
  } finally {
    await watched.close();
  }
}

/** Presses Run and waits until the island settles; returns its state, progress text and error text. */
async function run(lab: Locator, timeout = 120_000) {
  const state = await clickAndSettle(lab, lab.getByRole('button', { name: /^Run/ }), { timeout });
  return {
    state,
    problem: await lab.getAttribute('data-problem'),
    text: (await lab.locator('[data-progress-text]').textContent()) ?? '',
    error: (await lab.locator('[data-error]').textContent()) ?? '',
  };
}

async function setCode(lab: Locator, code: string) {
  if (await lab.locator('[data-edit]').isVisible()) await lab.getByRole('button', { name: 'Edit' }).click();
  await lab.locator('.cm-content').waitFor();
  await lab.evaluate((el, c) => (el as HTMLElement & { editor: { setCode(s: string): void } }).editor.setCode(c), code);
}

// A block that is correct except for one thing each: what the check must name.
const BROKEN: [problem: string, code: string, message: RegExp][] = [
  [
    'shape',
    'export function block(tf, x, F) { return tf.concat([x, F(x)], 1); }',
    /must return the stream's shape \[tokens, d\] = \[\d+, 8\], got a tensor of shape \[\d+, 16\]/,
  ],
  ['non-finite', 'export function block(tf, x, F) { return tf.add(x, tf.div(F(x), tf.zerosLike(x))); }', /NaN\/Inf values/],
  [
    'leak',
    'const kept = [];\nexport function block(tf, x, F) { const y = tf.add(x, F(x)); kept.push(tf.keep(tf.mul(y, 1))); return y; }',
    /the block leaks \d+ tensors? per forward pass/,
  ],
  ['no-gradient', 'export function block(tf, x, F, p, { d }) { return tf.add(x, tf.topk(F(x), d).values); }', /op TopK has no gradient/],
  ['syntax', 'export function block(tf, x, F) {\n  return tf.add(x, F(x);\n}', /^Syntax error at line 2/],
];

describe('the block lab', () => {
  it('the Post-LN preset runs to done: verdicts, charts and an export, accessible, no console error, no CSP violation', async () => {
    await withPage(async (w) => {
      await w.page.goto(PAGE);
      const lab = w.page.locator('[data-block-lab]');
      expect(await lab.getAttribute('data-state')).toBe('idle');
      const presets = await lab
        .locator('select[data-block-preset] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(presets).toEqual(expect.arrayContaining(['post-ln', 'pre-ln', 'rezero', 'deepnorm', 'no-norm', 'no-residual']));
      // The code shown is the preset's source, highlighted at build time.
      expect(await lab.locator('[data-preset-view="post-ln"]').textContent()).toMatch(/export function block\(tf, x, F, p\)/);
      const r = await run(lab);
      expect(r.state, `${r.text} ${r.error}`).toBe('done');
      expect(r.text).toMatch(/^Done in .* s\. \d of \d+ claim readings answer yes for your block\./);
      const verdicts = lab.locator('[data-verdicts] li');
      expect(await verdicts.count()).toBeGreaterThanOrEqual(4);
      // The Post-LN preset in Post-LN's slot reads as Post-LN does: its input fades (the claim holds for the stock stack).
      const fades = lab.locator('[data-verdicts] li[data-claim="e8-postln-input-fades"]').first();
      expect(await fades.getAttribute('data-holds')).toBe('true');
      expect(await lab.locator('[data-charts] figure').count()).toBe(5);
      expect(await lab.locator('[data-export] a[download$=".json"]').count()).toBe(1);
      // The block as a standalone @tensorflow/tfjs script (tests/unit/block-lab/export-script.test.ts runs such scripts).
      await expect.poll(() => lab.locator('[data-export] a[download$=".mjs"]').count(), { timeout: 10_000 }).toBe(1);
      expect(await axeProblems(w.page, 'block-lab'), 'the island after a run').toEqual([]);
      expect(await violations(w.page)).toEqual([]);
      expect(w.problemList()).toEqual([]);
    });
  });

  it('five broken blocks each get their own message before any training, and Run stays usable', async () => {
    await withPage(async (w) => {
      await w.page.goto(PAGE);
      const lab = w.page.locator('[data-block-lab]');
      for (const [problem, code, message] of BROKEN) {
        await setCode(lab, code);
        const r = await run(lab);
        expect(r.state, problem).toBe('error');
        expect(r.problem, `${problem}: ${r.error}`).toBe(problem);
        expect(r.error, problem).toMatch(message);
        expect(await lab.getByRole('button', { name: /^Run/ }).isEnabled()).toBe(true);
      }
      // The URL carries the edited block, so a link reproduces it.
      expect(new URL(w.page.url()).searchParams.get('block.code')).toContain('F(x);');
      // Opening that link restores the edited block in the editor.
      await w.page.goto(w.page.url());
      await lab.locator('.cm-content').waitFor();
      const restored = await lab.evaluate((el) => (el as HTMLElement & { editor: { getCode(): string } }).editor.getCode());
      expect(restored).toBe(BROKEN.at(-1)![1]);
      expect(await violations(w.page)).toEqual([]);
    });
  });

  it('an endless loop in a block is stopped (worker replaced) while the page stays responsive; Cancel stops a run', async () => {
    await withPage(async (w) => {
      await w.context.clock.install(); // page time flows as usual; fastForward below jumps the watchdog's wait
      await w.page.goto(PAGE);
      const lab = w.page.locator('[data-block-lab]');
      await setCode(lab, 'export function block(tf, x, F) {\n  while (true) {}\n}\n');
      await lab.getByRole('button', { name: /^Run/ }).click();
      await expect.poll(() => lab.getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
      const frames = await w.page.evaluate(
        () => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(2)))),
      );
      expect(frames).toBe(2);
      await w.page.clock.fastForward(STALL_LIMIT_MS); // the watchdog's 8 s, without a core spinning through them
      await expect.poll(() => lab.getAttribute('data-state'), { timeout: 60_000 }).toBe('error');
      expect(await lab.getAttribute('data-problem')).toBe('timeout');
      expect(await lab.locator('[data-error]').textContent()).toMatch(
        /^Stopped: your block gave no sign of life .* worker was terminated and replaced/,
      );
      // Reset to the preset, run, and cancel: the island ends 'cancelled' and Run works again.
      await lab.getByRole('button', { name: 'Reset to the preset' }).click();
      await lab.getByRole('button', { name: /^Run/ }).click();
      await expect.poll(() => lab.getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
      await lab.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => lab.getAttribute('data-state'), { timeout: 30_000 }).toBe('cancelled');
      expect(await lab.getByRole('button', { name: /^Run/ }).isEnabled()).toBe(true);
    });
  });
});
