// Content Security Policy and third parties, on the built site. Statically: every page's policy is the first
// thing in its <head>, allows scripts only from the site itself (no 'unsafe-inline', no other host), lists the
// hash of each inline script, and no page has an inline event handler or a javascript: URL. In Chromium (no page
// raises a `securitypolicyviolation` or asks another origin for anything on load: pages-load.test.ts), search works under the policy, and the
// experiment worker runs an experiment and the reader's code (a blob: module) under the policy the preview
// server sends as a header. (An evidence block of each experiment runs with no violation and no other origin in
// islands.test.ts, which runs each experiment once.)
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attr, builtPages, elements, openPage, parsePage, rawText, useSite, type Element } from './harness.ts';
import { recordViolations, runInWorker, violations, workerUrl } from './csp-watch.ts';
import { headerPolicy } from '~/build/csp.ts';

const site = useSite();
const pages = builtPages();

/** The policy's directives by name, from a `content` / header value. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

const isDataScript = (el: Element) => /^application\/(ld\+)?json$/i.test(attr(el, 'type') ?? '');

describe('the policy in every built page', () => {
  it.each(pages.map((p) => [p.url, p]))('%s', (_url, p) => {
    const doc = parsePage(p.path);
    const head = elements(doc, (el) => el.tagName === 'head')[0]!;
    const inHead = elements(head).filter((el) => el !== head);
    const metas = inHead.filter((el) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(metas.length, `${p.url}: <meta http-equiv="content-security-policy"> in <head>`).toBe(1);
    // A policy governs only what comes after it: nothing but <meta charset> may precede it.
    const before = inHead.slice(0, inHead.indexOf(metas[0]!));
    expect(
      before.map((el) => el.tagName + (attr(el, 'charset') ? '[charset]' : '')),
      `${p.url}: elements before the CSP <meta>`,
    ).toEqual(['meta[charset]']);

    const policy = directives(attr(metas[0]!, 'content') ?? '');
    const scriptSrc = policy.get('script-src') ?? [];
    expect(policy.get('default-src'), `${p.url}: default-src`).toEqual(["'self'"]);
    expect(scriptSrc, `${p.url}: script-src`).toContain("'self'");
    expect(scriptSrc, `${p.url}: script-src`).toContain("'wasm-unsafe-eval'");
    // Only the site itself and hashes: no 'unsafe-inline'/'unsafe-eval', no host, scheme or wildcard.
    const loose = scriptSrc.filter(
      (s) => !["'self'", "'wasm-unsafe-eval'"].includes(s) && !/^'sha(256|384|512)-[A-Za-z0-9+/]+=*'$/.test(s),
    );
    expect(loose, `${p.url}: script-src sources other than 'self', 'wasm-unsafe-eval' and hashes`).toEqual([]);
    for (const [name, sources] of policy) {
      const foreign = sources.filter((s) => /^(https?:|\*|\/\/)/.test(s) || /^[\w-]+\.[\w.-]+/.test(s));
      expect(foreign, `${p.url}: ${name} allows another origin`).toEqual([]);
    }
    expect(policy.get('object-src'), `${p.url}: object-src`).toEqual(["'none'"]);

    // Each inline script that runs must be allowed by its hash; JSON(-LD) is data and never runs.
    for (const script of elements(doc, (el) => el.tagName === 'script' && attr(el, 'src') === undefined && !isDataScript(el))) {
      const hash = `'sha256-${createHash('sha256').update(rawText(script), 'utf8').digest('base64')}'`;
      expect(scriptSrc, `${p.url}: the inline script "${rawText(script).slice(0, 60)}…" is not allowed by its hash`).toContain(hash);
    }
    // No inline event handlers (onclick="…") and no javascript: URLs: the policy would block them anyway.
    const handlers = elements(doc).flatMap((el) => el.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName} ${a.name}>`));
    expect(handlers, `${p.url}: inline event handlers`).toEqual([]);
    const jsUrls = elements(doc).flatMap((el) =>
      el.attrs.filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `<${el.tagName} ${a.name}>`),
    );
    expect(jsUrls, `${p.url}: javascript: URLs`).toEqual([]);
  });

  it('the preview header adds frame-ancestors and keeps scripts to the site, its hashes and blob: (for the worker)', () => {
    const policy = directives(headerPolicy());
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).toContain('blob:');
  });
});

// Each page's load with no violation and no request to another origin: pages-load.test.ts (one load per page).
describe('in Chromium: search under the policy', () => {
  it('search (Pagefind and its WebAssembly) works under the policy', async () => {
    const w = await openPage(site, { serviceWorkers: 'block' });
    try {
      await recordViolations(w.context);
      await w.page.goto('/');
      await w.page.locator('button[data-search-open]').click();
      await w.page.fill('input[data-search-input]', 'residual');
      await w.page.locator('ol[data-search-results] li a[href]').first().waitFor({ timeout: 60_000 }); // the first search loads Pagefind's index and its fragments: slow on a busy machine
      expect(await violations(w.page)).toEqual([]);
      expect(w.problemList()).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});

describe('the experiment worker under the header policy (as `astro preview` sends it)', () => {
  /** Every response from the site gets the header policy, as the preview server (or a configured host) sends it. */
  async function withHeaderPolicy<T>(fn: (w: Awaited<ReturnType<typeof openPage>>) => Promise<T>): Promise<T> {
    const w = await openPage(site, { serviceWorkers: 'block' });
    await recordViolations(w.context);
    let closing = false;
    await w.context.route(
      (url) => url.origin === site.origin,
      async (route) => {
        try {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': headerPolicy() } });
        } catch (err) {
          // A pool worker may still be fetching a module when the context closes ("Request context disposed").
          if (!closing) throw err;
        }
      },
    );
    try {
      return await fn(w);
    } finally {
      closing = true;
      await w.close(); // never unrouteAll(): see WatchedPage.close
    }
  }

  it("runs an experiment on WebAssembly and the reader's code as a blob: module, with no violation", async () => {
    await withHeaderPolicy(async (w) => {
      const res = await w.page.goto('/');
      expect(res?.headers()['content-security-policy'], 'the header reached the page').toBe(headerPolicy());
      const url = workerUrl();
      const run = await runInWorker(w.page, url, { type: 'run', id: 1, experiment: 'e2', params: { layers: 2, steps: 10 }, seed: 1 });
      expect(run, 'experiment E2 in the worker').toMatchObject({ type: 'done', backend: 'wasm' });
      const code = 'export async function run(lab, params, ctx) { return { answer: 6 * 7 }; }';
      const snippet = await runInWorker(w.page, url, { type: 'snippet', id: 2, experiment: 'e2', code, params: {}, seed: 1 });
      expect(snippet, 'edited code in the worker').toMatchObject({ type: 'done' });
      // The page itself refuses blob: scripts: its <meta> policy has no blob:, and both policies apply.
      const pageBlob = await w.page.evaluate(async () => {
        const url = URL.createObjectURL(new Blob(['export const x = 1;'], { type: 'text/javascript' }));
        try {
          await import(/* @vite-ignore */ url);
          return 'ran';
        } catch {
          return 'refused';
        }
      });
      expect(pageBlob, 'a blob: module on the page').toBe('refused');
      const seen = await violations(w.page);
      expect(
        seen.filter((v) => !v.includes('blob:')),
        'violations other than the blob: probe',
      ).toEqual([]);
      expect(w.problems.foreignRequests).toEqual([]);
    });
  });
});
