import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/browser/static-server.ts';
const server = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ baseURL: server.origin });
await page.goto('/questions/anatomy-of-a-decoder-layer/', { waitUntil: 'networkidle' });
const block = page.locator('evidence-block[data-experiment="e2"]').first();
await block.scrollIntoViewIfNeeded();
await block.locator('form[data-controls]').waitFor({ state: 'visible' });
const log: string[] = await page.evaluate(`new Promise((res) => {
  const el = document.querySelector('evidence-block[data-experiment="e2"]');
  const t0 = performance.now(); const out = []; let last = '';
  function tick() {
    const txt = (el.querySelector('[data-progress-text]')?.textContent ?? '').slice(0, 70);
    const v = el.querySelector('[data-progress]').value.toFixed(2);
    const line = v + ' ' + txt;
    if (line.slice(0, 30) !== last.slice(0, 30)) { out.push(((performance.now() - t0) / 1000).toFixed(2) + 's ' + line); last = line; }
    if (['done', 'error'].includes(el.dataset.state)) { out.push(((performance.now() - t0) / 1000).toFixed(2) + 's ' + el.dataset.state); res(out); } else setTimeout(tick, 100);
  }
  el.querySelector('button[data-run]').click(); tick();
})`);
console.log(log.filter((_, i) => i < 8 || i % 10 === 0 || i > log.length - 4).join('\n'));
await browser.close(); await server.close();
