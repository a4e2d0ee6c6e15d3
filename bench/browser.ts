// Browser benchmark of the evidence blocks (figures printed, never asserted): the page's JavaScript before
// interaction (gzip), Run → first progress, the run of every experiment's first block (its claim's settings, as a
// reader's Run) to done (cold: first Run on the page; warm: second) beside the same run in Node on one thread
// (WASM) in the same process, and the size of
// what Run loads (the lab chunk: TF.js core + WASM backend + binary + lab). Budgets (#14): every default run
// ≤ 8 s cold (E1 ≤ 1.5 s); page / Node ≤ 0.6 for experiments that train over the worker pool.
// Needs `npm run build` first; uses Debian's Chromium (or CHROME_PATH) on the built site (SITE_DIST to test
// another build; BENCH_EXPERIMENTS=e1,e2 to time some only, `block` for the block lab and `translate` for
// "Translate it yourself": default run ≤ 10 s cold).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from '../tests/browser/static-server.ts';
import { CHROMIUM_ARGS, findChrome } from '../tests/browser/chromium.ts';
import { initBackend } from '~/lab/backend';
import { getClaim, getExperiment, runExperiment } from '~/experiments';
import { runBlockLab } from '~/block-lab/run';
import { presetSource } from '~/lab/blocks';

const DIST = resolve(process.env.SITE_DIST ?? 'dist');
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${DIST}/index.html is missing: run npm run build first`);
  process.exit(1);
}

/** Page URL of the first block of each experiment, found in the built HTML. */
function blocksByExperiment(): Map<string, { url: string; id: string; claim: string }> {
  const out = new Map<string, { url: string; id: string; claim: string }>();
  const files = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.includes('pagefind')).sort();
  for (const f of files) {
    const html = readFileSync(join(DIST, f), 'utf8');
    for (const m of html.matchAll(/<evidence-block[^>]*>/g)) {
      const id = /\bid="([^"]+)"/.exec(m[0])?.[1];
      const exp = /data-experiment="([^"]+)"/.exec(m[0])?.[1];
      const claim = /data-claim="([^"]+)"/.exec(m[0])?.[1];
      if (id && exp && claim && !out.has(exp)) out.set(exp, { url: '/' + f.replace(/index\.html$/, ''), id, claim });
    }
  }
  return out;
}

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Clicks Run inside the page and times the state changes there (no round trips in the figure). */
async function timedRun(page: Page, id: string): Promise<{ firstProgress: number; done: number; state: string }> {
  return page.evaluate(
    (blockId) =>
      new Promise<{ firstProgress: number; done: number; state: string }>((resolvePromise) => {
        const el = document.getElementById(blockId)!;
        let first = NaN;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          const st = el.dataset.state;
          if (st === 'running' && Number.isNaN(first)) first = performance.now() - t0;
          if (st === 'done' || st === 'error' || st === 'cancelled') {
            obs.disconnect();
            const done = performance.now() - t0;
            // A run that ends before a progress shows (E20's, 0.1 s warm) is first seen progressing when it is done.
            resolvePromise({ firstProgress: Number.isNaN(first) ? done : first, done, state: st });
          }
        });
        obs.observe(el, { attributes: true, attributeFilter: ['data-state'] });
        (el.querySelector('button[data-run]') as HTMLButtonElement).click();
      }),
    id,
  );
}

/** What a first visit downloads in the background when the site registers a service worker (precache). */
async function servicePrecache(browser: import('playwright-core').Browser, origin: string, url: string) {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  const fetched = new Map<string, number>();
  const reading: Promise<void>[] = [];
  context.on('response', (res) => {
    if (!res.request().serviceWorker()) return;
    reading.push(
      res.body().then(
        (b) => void fetched.set(res.url(), gz(b)),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  await page.waitForLoadState('networkidle');
  await Promise.all(reading);
  const total = [...fetched.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\nService worker (the site's offline copy): precaches ${fetched.size} files, ${kb(total)} gzip, in the background after the first visit (not counted above)`,
  );
  await context.close();
}

interface Timing {
  exp: string;
  /** The block's claim: its settings are what Run runs (and what Node runs beside it). */
  claim: string;
  cold: number;
  warm: number;
  backend: string | null;
  states: string;
}

/** Each block's run once more in Node (its claim's settings and first seed, as Run uses), on one thread (WASM), after the browser has closed. */
async function nodeTimes(timings: Timing[]): Promise<Map<string, number>> {
  const info = await initBackend({ prefer: 'wasm' });
  if (info.backend !== 'wasm') throw new Error(`Node's WASM backend did not start: ${info.fallbackReason}`);
  const out = new Map<string, number>();
  for (const { exp, claim } of timings) {
    const { params, seeds } = getClaim(claim);
    const t0 = performance.now();
    await runExperiment(exp, params, { seed: seeds[0] ?? getExperiment(exp).defaultSeed, backend: 'wasm' });
    out.set(exp, performance.now() - t0);
  }
  return out;
}

function printTable(timings: Timing[], node: Map<string, number>) {
  console.log(
    "\nEach experiment's first block as a reader runs it (its claim's settings), page (Chromium, cold = first Run, warm = second) vs the same run in Node (one thread, WASM), same machine, same process:",
  );
  console.log('  exp   cold      warm      Node      cold/Node  pool   budget (cold)');
  for (const t of timings) {
    const n = node.get(t.exp) ?? NaN;
    const pooled = getExperiment(t.exp).trainsInParallel === true;
    const budget = t.exp === 'e1' ? 1500 : 8000;
    console.log(
      `  ${t.exp.padEnd(5)} ${s(t.cold).padStart(7)}   ${s(t.warm).padStart(7)}   ${s(n).padStart(7)}   ${(t.cold / n).toFixed(2).padStart(6)}     ${pooled ? 'yes' : 'no '}    ${s(budget)} ${t.cold <= budget ? 'met' : 'MISSED'}${pooled ? `; ratio ≤ 0.6 ${t.cold / n <= 0.6 ? 'met' : 'MISSED'}` : ''}  (${t.backend}, ${t.states})`,
    );
  }
}

async function main() {
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: CHROMIUM_ARGS });
  const blocks = blocksByExperiment();
  console.log(`Browser benchmark on ${DIST} (${blocks.size} experiments with evidence blocks: ${[...blocks.keys()].join(', ')})`);
  const experiments =
    process.env.BENCH_EXPERIMENTS?.split(',') ?? [...blocks.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const timings: Timing[] = [];
  let blockLab: Awaited<ReturnType<typeof islandTimes>>;
  let translator: Awaited<ReturnType<typeof islandTimes>>;
  try {
    for (const exp of experiments) {
      if (exp === 'block' || exp === 'translate') continue; // the islands, timed below
      const b = blocks.get(exp);
      if (!b) {
        console.log(`${exp}: no evidence block in the built site`);
        continue;
      }
      // The site's service worker precaches assets in the background; it is measured apart (below), so the
      // figures here are what the page itself loads.
      const context = await browser.newContext({ baseURL: server.origin, serviceWorkers: 'block' });
      const page = await context.newPage();
      const bodies = new Map<string, { bytes: number; gzip: number; phase: 'load' | 'run'; referer?: string }>();
      let phase: 'load' | 'run' = 'load';
      const reading: Promise<void>[] = [];
      const workerScripts = new Set<string>();
      page.on('worker', (w) => void workerScripts.add(w.url()));
      context.on('response', (res) => {
        const type = res.request().resourceType();
        const url = res.url();
        if (!/\.(m?js|wasm)(\?|$)/.test(url) && type !== 'script') return;
        const at = phase;
        const referer = res.request().headers()['referer']; // the importing module: tells the worker's chunks apart
        reading.push(
          res.body().then(
            (body) => void bodies.set(url, { bytes: body.length, gzip: gz(body), phase: at, referer }),
            () => undefined, // a body that is gone (e.g. a navigation) is not counted
          ),
        );
      });
      await page.goto(b.url, { waitUntil: 'networkidle' });
      await Promise.all(reading);
      const before = [...bodies.values()].filter((x) => x.phase === 'load');
      console.log(`\n${exp} page ${b.url}`);
      console.log(
        `  JS before interaction: ${kb(before.reduce((a, x) => a + x.gzip, 0))} gzip in ${before.length} files (budget 10 KB, site scripts included)`,
      );
      await page.locator(`[id="${b.id}"]`).scrollIntoViewIfNeeded();
      await page.locator(`[id="${b.id}"] form[data-controls]`).waitFor({ state: 'visible' });
      phase = 'run';
      const cold = await timedRun(page, b.id);
      const warm = await timedRun(page, b.id); // worker, TF.js and WASM already loaded
      const backend = await page.locator(`[id="${b.id}"]`).getAttribute('data-backend');
      console.log(`  Run → first progress: cold ${s(cold.firstProgress)} (loads TF.js + WASM), warm ${s(warm.firstProgress)} (budget 1 s)`);
      console.log(
        `  ${exp.toUpperCase()} run (${b.claim}'s settings) complete: cold ${s(cold.done)}, warm ${s(warm.done)} on ${backend}, ended ${cold.state}/${warm.state} (budget ${exp === 'e1' ? '1.5' : '8'} s)`,
      );
      timings.push({ exp, claim: b.claim, cold: cold.done, warm: warm.done, backend, states: `${cold.state}/${warm.state}` });
      await page.waitForTimeout(200);
      await Promise.all(reading);
      const run = [...bodies.entries()].filter(([, x]) => x.phase === 'run');
      // The lab chunk is what the worker loads: its script and every module or binary requested from one of its
      // modules (the Referer header); the rest loaded by Run is the page's own Run UI, on the main thread.
      const inWorker = new Set(workerScripts);
      for (let grew = true; grew;) {
        grew = false;
        for (const [u, x] of run) if (!inWorker.has(u) && x.referer && inWorker.has(x.referer)) grew = !!inWorker.add(u);
      }
      const lab = run.filter(([u]) => inWorker.has(u));
      const ui = run.filter(([u]) => !inWorker.has(u));
      if (exp === 'e1') {
        console.log(
          `  Lab chunk loaded by Run (worker JS + TF.js + WASM binary + lab): ${kb(lab.reduce((a, [, x]) => a + x.gzip, 0))} gzip (${kb(lab.reduce((a, [, x]) => a + x.bytes, 0))} raw; budget 300 KB)`,
        );
        for (const [u, x] of lab.sort((p, q) => q[1].gzip - p[1].gzip))
          console.log(`    ${kb(x.gzip).padStart(9)}  ${u.replace(server.origin, '')}`);
        console.log(
          `  Run UI on the main thread (panel, live chart with Observable Plot, run controls): ${kb(ui.reduce((a, [, x]) => a + x.gzip, 0))} gzip in ${ui
            .map(([u]) =>
              u
                .split('/')
                .pop()!
                .replace(/[.-][\w-]{8}\.m?js$/, ''),
            )
            .join(', ')}`,
        );
      }
      await context.close();
    }
    await servicePrecache(browser, server.origin, [...blocks.values()][0]?.url ?? '/');
    if (!process.env.BENCH_EXPERIMENTS || experiments.includes('block'))
      blockLab = await islandTimes(browser, server.origin, 'block-lab', '[data-block-run]');
    if (!process.env.BENCH_EXPERIMENTS || experiments.includes('translate'))
      translator = await islandTimes(browser, server.origin, 'translate-yourself', '[data-train]');
  } finally {
    await browser.close();
    await server.close();
  }
  printTable(timings, await nodeTimes(timings));
  if (blockLab) await printBlockLab(blockLab);
  if (translator) await printTranslator(translator);
}

/** An island's default run (its button clicked, until its data-state settles) in the first page that has it: cold and warm. */
async function islandTimes(browser: import('playwright-core').Browser, origin: string, tag: string, button: string) {
  const file = (readdirSync(DIST, { recursive: true }) as string[]).find(
    (f) => f.endsWith('index.html') && readFileSync(join(DIST, f), 'utf8').includes(`<${tag}`),
  );
  if (!file) return (console.log(`\n${tag}: no page has the island`), undefined);
  const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/' + file.replace(/index\.html$/, ''), { waitUntil: 'networkidle' });
  await page.locator(tag).scrollIntoViewIfNeeded();
  const time = () =>
    page.evaluate(
      ([tag, button]) =>
        new Promise<{ done: number; state: string }>((resolvePromise) => {
          const el = document.querySelector<HTMLElement>(tag)!;
          const t0 = performance.now();
          const obs = new MutationObserver(() => {
            const st = el.dataset.state ?? '';
            if (['done', 'error', 'cancelled'].includes(st)) {
              obs.disconnect();
              resolvePromise({ done: performance.now() - t0, state: st });
            }
          });
          obs.observe(el, { attributes: true, attributeFilter: ['data-state'] });
          el.querySelector<HTMLButtonElement>(button)!.click();
        }),
      [tag, button] as const,
    );
  const cold = await time();
  const warm = await time();
  await context.close();
  return { page: file, cold, warm };
}

async function printBlockLab(r: NonNullable<Awaited<ReturnType<typeof islandTimes>>>) {
  const t0 = performance.now();
  await runBlockLab(presetSource('post-ln'), { seed: 1, backend: 'wasm' });
  const node = performance.now() - t0;
  console.log(
    `\nBlock lab (${r.page}), Post-LN preset, seed 1: page cold ${s(r.cold.done)}, warm ${s(r.warm.done)} (${r.cold.state}/${r.warm.state}); Node one thread ${s(node)}; cold/Node ${(r.cold.done / node).toFixed(2)}; budget 10 s cold ${r.cold.done <= 10_000 ? 'met' : 'MISSED'}`,
  );
}

/** "Translate it yourself": its training is E15's default run (the translator keeps the model), so Node runs E15. */
async function printTranslator(r: NonNullable<Awaited<ReturnType<typeof islandTimes>>>) {
  const t0 = performance.now();
  await runExperiment('e15', {}, { seed: getExperiment('e15').defaultSeed, backend: 'wasm' });
  const node = performance.now() - t0;
  console.log(
    `\nTranslate it yourself (${r.page}), training at E15's defaults: page cold ${s(r.cold.done)}, warm ${s(r.warm.done)} (${r.cold.state}/${r.warm.state}); Node one thread (E15's run) ${s(node)}; cold/Node ${(r.cold.done / node).toFixed(2)}; budget 10 s cold ${r.cold.done <= 10_000 ? 'met' : 'MISSED'}`,
  );
}

await main();
