// Helpers for the security and offline tests: record Content Security Policy violations in a page, and find
// the built experiment worker.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DIST } from './site.ts';

/** Installed before any page script: every `securitypolicyviolation` lands in window.__cspViolations. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
      (e.sourceFile ? ' (at ' + e.sourceFile + ':' + e.lineNumber + ')' : '') + (e.sample ? ': ' + e.sample : ''));
  });
`;

export async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(RECORD_VIOLATIONS);
}

export async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['the recorder was not installed']);
}

/** The built experiment worker (src/worker/worker.ts, emitted by Vite as _astro/worker-<hash>.js). */
export function workerUrl(dist = DIST): string {
  const files = readdirSync(join(dist, '_astro')).filter((f) => /^worker-[\w-]+\.js$/.test(f));
  if (files.length !== 1) throw new Error(`expected one _astro/worker-*.js in ${dist}, found ${files.length}: ${files.join(', ')}`);
  return `/_astro/${files[0]}`;
}

/** In the page: starts the experiment worker, sends one message, resolves with its final reply (done/error), or
 * after `timeout` with type 'timeout' and the last messages the worker sent (what it was doing when it stalled). */
export async function runInWorker(
  page: Page,
  url: string,
  message: Record<string, unknown>,
  timeout = 60_000,
): Promise<{ type: string; message?: string; backend?: string }> {
  return page.evaluate(
    ({ url, message, timeout }) =>
      new Promise((resolve) => {
        const worker = new Worker(url, { type: 'module' });
        let backend: string | undefined;
        const seen: string[] = [];
        const timer = setTimeout(() => {
          worker.terminate();
          resolve({
            type: 'timeout',
            message: `no final reply in ${timeout} ms; the last messages: ${seen.slice(-5).join(' | ') || 'none'}`,
          });
        }, timeout);
        worker.onerror = (e) => {
          clearTimeout(timer);
          resolve({ type: 'error', message: `worker failed: ${e.message}` });
        };
        worker.onmessage = (e: MessageEvent<{ type: string; message?: string; report?: { backend: string } }>) => {
          seen.push(`${e.data.type}${e.data.message ? `: ${e.data.message}` : ''}`);
          if (e.data.type === 'backend') backend = e.data.report?.backend;
          if (e.data.type === 'done' || e.data.type === 'error' || e.data.type === 'cancelled') {
            clearTimeout(timer);
            worker.terminate();
            resolve({ type: e.data.type, message: e.data.message, backend });
          }
        };
        worker.postMessage(message);
      }),
    { url, message, timeout },
  );
}

/** Small settings for each experiment, so a run takes seconds (the same ones the islands test uses). */
export const QUICK_PARAMS: Record<string, Record<string, string>> = {
  e1: { layers: '3', depths: '2,3', batchSize: '4' },
  e2: { layers: '2', steps: '10' },
  e3: { layers: '4', batchSize: '4' },
  e4: { layers: '2', steps: '10' },
  e5: { layers: '2', steps: '20' },
  e6: { layers: '1', steps: '20', every: '10' },
  e7: { layers: '1', steps: '20' },
  e8: { layers: '4', batchSize: '4' },
  e9: { layers: '1', steps: '20' },
  e10: { layers: '2', steps: '20', every: '10' },
  e11: { depths: '2,3', batchSize: '4' },
  e12: { layers: '2', steps: '10' },
  e13: { layers: '1', batchSize: '4', steps: '10' },
  e14: { layers: '1', steps: '10', timing: 'false' },
  e16: { layers: '2', steps: '10' },
  e17: { layers: '1', steps: '10', warmupSteps: '5', vOnlySteps: '5' },
  e15: { layers: '1', steps: '10' },
  e18: { layers: '1', steps: '20', trainingSet: '16' },
  e19: { layers: '1', steps: '10' },
  e20: { layers: '1', steps: '10' },
  e21: { steps: '20', every: '10' },
};
