// The evidence blocks and snippets in a real browser (Debian Chromium, built site): the first block of each
// experiment runs to `done` with no console error, no CSP violation and no request to another origin, and every other block wakes idle with its controls (blocks
// of one experiment share its code, so running each experiment once is what a run is worth); Cancel leaves a
// block usable; ten runs leave the worker's tensors and the page's JS heap flat; bad settings and bad code get
// clear messages while the page stays responsive; with WASM blocked the CPU backend runs and the block says
// so. No wall-clock assertions: budgets are in `npm run bench:browser`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems } from './axe.ts';
import { clickAndSettle } from './settle.ts';
import { openPage, useSite, useTab, type WatchedPage } from './harness.ts';
import { QUICK_PARAMS as QUICK, recordViolations, violations } from './csp-watch.ts';
import { evidenceBlocks, firstOfEachExperiment, quickQuery, type BlockOnPage } from './evidence-blocks.ts';
import { STALL_LIMIT_MS } from '~/page/run-stops';

const site = useSite();
/** One tab for the per-page runs (a fresh context per page costs about a core-second), recording CSP violations. */
const pageTab = useTab(site, {}, (w) => recordViolations(w.context));

const blocks = evidenceBlocks();
/** Run to the end (one per experiment); the rest are checked for presence and hydration only. */
const runBlocks = firstOfEachExperiment(blocks);
const wakeBlocks = blocks.filter((b) => !runBlocks.includes(b));
/** Pages in order, each with its blocks (one page load per page). */
const byPage = (list: readonly BlockOnPage[]) =>
  [...new Set(list.map((b) => b.url))].map((url) => [url, list.filter((b) => b.url === url)] as const);

/** A URL with one block's settings in its query (the URL state the controller reads). */
function withState(b: BlockOnPage, values: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(values).map(([k, v]) => [`${b.claim}.${k}`, v]));
  return `${b.url}?${q}`;
}

const STATES = ['idle', 'loading', 'running', 'done', 'error', 'cancelled'];

async function stateOf(page: Page, id: string): Promise<string> {
  return (await page.locator(`[id="${id}"]`).getAttribute('data-state')) ?? '';
}

/** Scrolls the block into view (it wakes near the viewport) and waits for its controls. */
async function wake(page: Page, id: string) {
  const block = page.locator(`[id="${id}"]`);
  await block.scrollIntoViewIfNeeded();
  await block.locator('form[data-controls]').waitFor({ state: 'visible' });
  return block;
}

/** Presses Run and waits until the block settles; returns the final state and the progress text. */
async function runToEnd(page: Page, id: string, timeout = 90_000) {
  const block = await wake(page, id);
  const state = await clickAndSettle(block, block.getByRole('button', { name: /^Run/ }), { timeout });
  return { state, text: (await block.locator('[data-progress-text]').textContent()) ?? '' };
}

/** Run → settled inside the page (a MutationObserver, no polling), so the heap test measures the page, not the harness. */
function runInPage(page: Page, id: string): Promise<string> {
  return page.evaluate(
    (blockId) =>
      new Promise<string>((resolve) => {
        const el = document.getElementById(blockId)!;
        const obs = new MutationObserver(() => {
          if (['done', 'error', 'cancelled'].includes(el.dataset.state ?? '')) {
            obs.disconnect();
            resolve(el.dataset.state!);
          }
        });
        obs.observe(el, { attributes: true, attributeFilter: ['data-state'] });
        (el.querySelector('button[data-run]') as HTMLButtonElement).click();
      }),
    id,
  );
}

function firstBlock(experiment?: string): BlockOnPage {
  const b = blocks.find((x) => !experiment || x.experiment === experiment);
  if (!b) throw new Error(`no evidence block${experiment ? ` of experiment ${experiment}` : ''} in the built site`);
  return b;
}

/** A fresh context (service worker blocked, as openPage does by default) that records CSP violations. */
async function withPage<T>(fn: (w: WatchedPage) => Promise<T>, routeWasm?: 'block'): Promise<T> {
  const watched = await openPage(site);
  await recordViolations(watched.context);
  if (routeWasm === 'block') await watched.context.route(/\.wasm$/, (route) => route.abort('blockedbyclient'));
  try {
    return await fn(watched);
  } finally {
    await watched.context.close();
  }
}

describe('evidence blocks in the browser', () => {
  it('the built site has evidence blocks, each with data-experiment, a known data-state and a Run button', async () => {
    expect(blocks.length, 'no <evidence-block> in dist/: no page uses <Evidence claim="…" />').toBeGreaterThan(0);
    for (const b of blocks) {
      expect(b.experiment, `${b.url}#${b.id}: missing data-experiment (unknown claim or experiment?)`).not.toBe('');
      expect(b.id, `${b.url}: block id`).toBe(`evidence-${b.claim}`);
      expect(STATES, `${b.url}#${b.id}: data-state`).toContain(b.state);
      expect(b.hasRunButton, `${b.url}#${b.id}: a Run button in the HTML`).toBe(true);
    }
    console.log(
      `[islands] ${blocks.length} evidence blocks: ${runBlocks.length} run to done (the first of each experiment), ${wakeBlocks.length} woken`,
    );
  });

  // One page load per page: each run block on it runs in turn, then every other block on it is woken. The first
  // E1 block runs with its defaults (as a reader would); the other run blocks with quick settings carried in the
  // URL state (which the woken blocks do not see: the state is keyed by claim).
  it.each(byPage(blocks))(
    'on %s the first block of each experiment runs to done and the others wake idle, with no error',
    async (url, onPage) => {
      const toRun = onPage.filter((b) => runBlocks.includes(b));
      const toWake = onPage.filter((b) => !runBlocks.includes(b));
      const quick = toRun.filter((b) => QUICK[b.experiment] && b !== firstBlock('e1'));
      const query = quickQuery(quick);
      const w = await pageTab();
      await w.page.goto(`${url}${quick.length ? `?${query}` : ''}`);
      for (const b of toRun) {
        expect(STATES).toContain(await stateOf(w.page, b.id));
        const { state, text } = await runToEnd(w.page, b.id);
        expect(state, `${b.url}#${b.id} ended "${state}": ${text}`).toBe('done');
        expect(await violations(w.page), `${b.url}#${b.id}: CSP violations`).toEqual([]);
        const block = w.page.locator(`[id="${b.id}"]`);
        expect(await block.locator('[data-backend]').textContent(), b.id).toMatch(/^Backend: WebAssembly/);
        // With the claim's own settings the box says whether the claim holds; with the quick settings it is a
        // different experiment, and the box says so in a neutral note instead of calling the claim wrong.
        const outcome = block.locator('[data-live-outcome]');
        if (quick.includes(b)) {
          expect(await outcome.getAttribute('data-outcome'), b.id).toBe('other-settings');
          expect(await outcome.textContent(), b.id).toMatch(
            /^A different experiment: the claim is about .+, and you ran .+, so this run does not test it\./,
          );
        } else {
          expect(await outcome.textContent(), b.id).toMatch(/^(✓ Holds|✗ Does not hold) in your browser: /);
        }
        expect(await block.locator('[data-live-chart] svg').count(), `${b.id}: a live chart was drawn`).toBeGreaterThan(0);
        expect(await block.locator('[data-export] a[download$=".json"]').count(), b.id).toBe(1);
        expect(await block.locator('[data-export] a[download$=".csv"]').count(), b.id).toBe(1);
        // The finished block (live chart, tables, outcome, exports) passes axe like the static page.
        expect(await axeProblems(w.page, `[id="${b.id}"]`), `${b.url}#${b.id} after a run`).toEqual([]);
      }
      // The other blocks: present and hydrated by the controller when scrolled near (form shown with the block's
      // default seed, the no-JS note hidden), idle with an enabled Run button.
      for (const b of toWake) {
        const block = await wake(w.page, b.id);
        expect(await block.getAttribute('data-woken'), `${b.id}: woken by its controller`).toBe('');
        expect(await stateOf(w.page, b.id), `${b.url}#${b.id}: state after waking`).toBe('idle');
        const run = block.getByRole('button', { name: /^Run/ });
        expect(await run.isVisible(), `${b.id}: Run button visible`).toBe(true);
        expect(await run.isEnabled(), `${b.id}: Run button enabled`).toBe(true);
        expect(await block.locator('[data-needs-js]').isHidden(), `${b.id}: the no-JavaScript note is hidden`).toBe(true);
        expect(await block.locator('input[name="seed"]').inputValue(), `${b.id}: the form holds the default seed`).toBe(
          String(b.config?.defaultSeed),
        );
        expect(await block.locator('[data-errors] li').count(), `${b.id}: form errors`).toBe(0);
        expect(await block.locator('[data-notice]').textContent(), `${b.id}: notice`).toBe('');
      }
      expect(w.problemList(), url).toEqual([]);
    },
  );

  it('a bad value in the form is refused with a message naming the parameter', async () => {
    const b = firstBlock('e1');
    await withPage(async (w) => {
      await w.page.goto(b.url);
      const block = await wake(w.page, b.id);
      await block.locator('input[name="layers"]').fill('999');
      await block.getByRole('button', { name: /^Run/ }).click();
      // generous: beside another test file on a busy 2-core machine the message took over the default second to appear
      await expect
        .poll(() => block.locator('[data-errors]').textContent(), { timeout: 30_000 })
        .toMatch(/parameter "layers".*999.*from 2 to 24/);
      expect(await block.locator('input[name="layers"]').getAttribute('aria-invalid')).toBe('true');
      expect(await stateOf(w.page, b.id)).toBe('idle');
    });
  });

  it('a bad URL state falls back to the defaults and says so; a good one is applied', async () => {
    const b = firstBlock('e1');
    await withPage(async (w) => {
      await w.page.goto(withState(b, { layers: 'lots' }));
      const block = await wake(w.page, b.id);
      expect(await block.locator('[data-notice]').textContent()).toMatch(/not valid.*"layers".*"lots".*defaults/);
      expect(await block.locator('input[name="layers"]').inputValue()).toBe('12');
      await w.page.goto(withState(b, { layers: '5', seed: '9' }));
      const again = await wake(w.page, b.id);
      expect(await again.locator('input[name="layers"]').inputValue()).toBe('5');
      expect(await again.locator('input[name="seed"]').inputValue()).toBe('9');
      expect(await again.locator('[data-notice]').textContent()).toBe('');
    });
  });

  it('Cancel mid-run (by keyboard) leaves the block usable, and a second run completes', async () => {
    const b = firstBlock('e1');
    await withPage(async (w) => {
      // Heavy enough settings that Cancel lands mid-run.
      await w.page.goto(withState(b, { layers: '24', depths: '8,16,24', batchSize: '128' }));
      const block = await wake(w.page, b.id);
      const focused = () => w.page.evaluate(() => document.activeElement?.textContent?.trim());
      await block.getByRole('button', { name: /^Run/ }).focus();
      await w.page.keyboard.press('Enter');
      await w.page.waitForFunction((id) => document.getElementById(id)?.dataset.state === 'running', b.id);
      expect(await focused(), 'focus moves to Cancel while Run is disabled').toBe('Cancel');
      await w.page.keyboard.press('Enter');
      await w.page.waitForFunction((id) => document.getElementById(id)?.dataset.state === 'cancelled', b.id);
      expect(await focused(), 'focus returns to Run').toMatch(/^Run/);
      expect(await block.locator('[data-announce]').textContent()).toMatch(/^Cancelled/);
      for (const [name, value] of Object.entries(QUICK.e1)) await block.locator(`[name="${name}"]`).fill(value);
      const { state, text } = await runToEnd(w.page, b.id);
      expect(state, text).toBe('done');
      expect(await block.locator('[data-announce]').textContent()).toMatch(/^Done in .* A different experiment: the claim is about /);
      expect(w.problemList()).toEqual([]);
    });
  });

  it('E2 shares its trainings out between its worker and a pool of workers, which Cancel and the end of the run terminate', async () => {
    const b = firstBlock('e2');
    await withPage(async (w) => {
      const cores = await w.page.evaluate(() => navigator.hardwareConcurrency);
      const pool = Math.min(4, Math.max(1, cores)) - 1; // one per core besides the block's own worker, which trains too
      await w.page.goto(withState(b, { layers: '2', steps: '400' }));
      const block = await wake(w.page, b.id);
      await block.getByRole('button', { name: /^Run/ }).click();
      // The block's own worker plus the pool, started with the run.
      await w.page.waitForFunction((id) => document.getElementById(id)?.dataset.state === 'running', b.id);
      await expect.poll(() => w.page.workers().length, { timeout: 10_000 }).toBe(1 + pool);
      await block.getByRole('button', { name: 'Cancel' }).click();
      await w.page.waitForFunction((id) => document.getElementById(id)?.dataset.state === 'cancelled', b.id);
      await expect.poll(() => w.page.workers().length, { timeout: 10_000 }).toBe(1);
      for (const [name, value] of Object.entries(QUICK.e2!)) await block.locator(`[name="${name}"]`).fill(value);
      const { state, text } = await runToEnd(w.page, b.id);
      expect(state, text).toBe('done');
      await expect.poll(() => w.page.workers().length, { timeout: 10_000 }).toBe(1);
      expect(w.problemList()).toEqual([]);
    });
  });

  it('ten runs in a row leave the worker tensor count where it was and the JS heap flat', async () => {
    const b = firstBlock('e1');
    await withPage(async (w) => {
      await w.page.goto(withState(b, QUICK.e1));
      const cdp = await w.context.newCDPSession(w.page);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      // Warm-up runs first: the first runs compile code and fill caches (the heap settles after a few).
      await wake(w.page, b.id);
      for (let i = 0; i < 5; i++) expect(await runInPage(w.page, b.id)).toBe('done');
      const block = w.page.locator(`[id="${b.id}"]`);
      const tensors0 = Number(await block.getAttribute('data-tensors'));
      const bytes0 = Number(await block.getAttribute('data-tensor-bytes'));
      const heap0 = await heap();
      const heaps: number[] = [];
      for (let i = 0; i < 10; i++) {
        expect(await runInPage(w.page, b.id)).toBe('done');
        heaps.push(await heap());
      }
      const tensors10 = Number(await block.getAttribute('data-tensors'));
      const bytes10 = Number(await block.getAttribute('data-tensor-bytes'));
      const heap10 = heaps.at(-1)!;
      console.log(`[islands] worker tensors before the ten runs: ${tensors0} (${bytes0} B), after: ${tensors10} (${bytes10} B)`);
      console.log(
        `[islands] page JS heap before: ${(heap0 / 1e6).toFixed(2)} MB, after each run: ${heaps.map((h) => (h / 1e6).toFixed(2)).join(' ')} MB`,
      );
      expect(tensors10, 'tensors left in the worker').toBe(tensors0);
      expect(bytes10, 'tensor bytes left in the worker').toBe(bytes0);
      // Flat: ten runs may not add more than 512 KB (each run's charts, tables and downloads replace the last).
      expect(heap10 - heap0, `page heap grew from ${heap0} to ${heap10} bytes`).toBeLessThan(512 * 1024);
    });
  });

  it('with WASM unavailable, the CPU backend runs and the block says so', async () => {
    const b = firstBlock('e1');
    await withPage(async (w) => {
      await w.page.goto(withState(b, QUICK.e1));
      const { state, text } = await runToEnd(w.page, b.id);
      expect(state, text).toBe('done');
      const block = w.page.locator(`[id="${b.id}"]`);
      expect(await block.getAttribute('data-backend')).toBe('cpu');
      expect(await block.locator('[data-backend]').textContent()).toMatch(/^Backend: CPU .*WASM was not available: /);
    }, 'block');
  });
});

describe('snippets in the browser', () => {
  /** Opens the block's snippet editor and replaces its code. */
  async function editSnippet(page: Page, b: BlockOnPage, code: string) {
    const block = await wake(page, b.id);
    await block.locator('details.evidence-code > summary').click();
    const snippet = block.locator('code-snippet');
    await snippet.getByRole('button', { name: 'Edit' }).click();
    await snippet.locator('.cm-editor').waitFor();
    await snippet.evaluate((el, text) => (el as HTMLElement & { editor: { setCode(c: string): void } }).editor.setCode(text), code);
    return snippet;
  }

  async function runSnippetToEnd(snippet: ReturnType<Page['locator']>) {
    await snippet.getByRole('button', { name: 'Run this code' }).click();
    await expect.poll(() => snippet.getAttribute('data-state'), { timeout: 60_000 }).toMatch(/^(done|error|cancelled)$/);
    return { state: await snippet.getAttribute('data-state'), text: (await snippet.locator('[data-snippet-status]').textContent()) ?? '' };
  }

  it('the original code runs in the worker and Reset restores it after an edit', async () => {
    const b = firstBlock('e1');
    await withPage(async (w) => {
      await w.page.goto(withState(b, QUICK.e1));
      const snippet = await editSnippet(w.page, b, 'export async function run() { return { edited: 1 }; }');
      await snippet.getByRole('button', { name: 'Reset' }).click();
      const code = await snippet.evaluate((el) => (el as HTMLElement & { editor: { getCode(): string } }).editor.getCode());
      expect(code).toMatch(/export async function run\(lab, params, ctx\)/);
      const { state, text } = await runSnippetToEnd(snippet);
      expect(state, text).toBe('done');
      expect(text).toMatch(/^Done in .* Backend: WebAssembly/);
      expect(await snippet.locator('[data-snippet-output]').textContent()).toMatch(/"perLayer"/);
      await expect.poll(() => snippet.locator('[data-snippet-chart] svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(w.problemList()).toEqual([]);
    });
  });

  // One page load: the second edit replaces the first in the same editor, as a reader fixing code would.
  it('a syntax error is reported with its line, then code that throws with its message and line', async () => {
    const b = firstBlock('e1');
    await withPage(async (w) => {
      await w.page.goto(b.url);
      const snippet = await editSnippet(w.page, b, 'export async function run(lab, params, ctx) {\n  const x = ;\n}\n');
      const syntax = await runSnippetToEnd(snippet);
      expect(syntax.state).toBe('error');
      expect(syntax.text).toMatch(/^Syntax error at line 2, column \d+: Unexpected token/);
      await snippet.evaluate(
        (el, text) => (el as HTMLElement & { editor: { setCode(c: string): void } }).editor.setCode(text),
        'export async function run(lab, params, ctx) {\n  const t = lab.task("reverse");\n  throw new Error("deliberate failure");\n}\n',
      );
      const thrown = await runSnippetToEnd(snippet);
      expect(thrown.state).toBe('error');
      expect(thrown.text).toMatch(/^Error at line 3, column \d+: deliberate failure/);
    });
  });

  it('an endless loop is stopped (worker replaced) while the page stays responsive, and the next run works', async () => {
    const b = firstBlock('e1');
    await withPage(async (w) => {
      await w.context.clock.install(); // page time flows as usual; fastForward below jumps the watchdog's wait
      await w.page.goto(withState(b, QUICK.e1));
      const snippet = await editSnippet(w.page, b, 'export async function run(lab, params, ctx) {\n  while (true) {}\n}\n');
      await snippet.getByRole('button', { name: 'Run this code' }).click();
      await expect.poll(() => snippet.getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
      // While the worker spins, the main thread still answers and paints.
      for (let i = 0; i < 3; i++) {
        const frames = await w.page.evaluate(
          () => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(2)))),
        );
        expect(frames).toBe(2);
      }
      await w.page.clock.fastForward(STALL_LIMIT_MS); // the watchdog's 8 s, without a core spinning through them
      await expect.poll(() => snippet.getAttribute('data-state'), { timeout: 60_000 }).toBe('error');
      expect(await snippet.locator('[data-snippet-status]').textContent()).toMatch(
        /^Stopped: no sign of life .* The worker was terminated and replaced/,
      );
      await snippet.getByRole('button', { name: 'Reset' }).click();
      const { state, text } = await runSnippetToEnd(snippet);
      expect(state, text).toBe('done');
    });
  });
});
