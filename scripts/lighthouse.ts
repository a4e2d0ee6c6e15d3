// `npm run audit`: Lighthouse (12.2.3, against Debian's Chromium) on the home page and a question page of the
// built site, served by `astro preview` (so with the CSP header too). Accessibility, best practices and SEO must
// score 100: otherwise it prints the failing audits and exits 1. Performance is reported, not gated (it is
// noisy on a shared 2-core machine). Needs a build: `npm run build` first (SITE_DIST=<dir> audits another).
// tests/browser/lighthouse.test.ts runs the same audit (auditSite) inside `npm test`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChrome } from '../tests/browser/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(process.env.SITE_DIST ?? join(ROOT, 'dist'));
export const GATED = ['accessibility', 'best-practices', 'seo'] as const;
const CATEGORIES = ['performance', ...GATED];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** `astro preview` of DIST on localhost (the host of the site's canonical URLs), ready when it answers. */
async function preview(port: number, dist: string): Promise<ChildProcess> {
  const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['preview', '--outDir', dist, '--port', String(port), '--host', 'localhost'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('astro preview did not answer within 20 s');
}

export interface PageResult {
  url: string;
  scores: Record<string, number | null>;
  failing: string[];
}

async function audit(url: string, port: number, categories: readonly string[]): Promise<PageResult> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    categories.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)]),
  );
  const failing = GATED.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => {
        const items = (
          (a.details as { items?: Array<{ node?: { snippet?: string }; url?: string; source?: { url?: string } }> } | undefined)?.items ??
          []
        )
          .slice(0, 3)
          .map((it) => it.node?.snippet ?? it.url ?? it.source?.url ?? JSON.stringify(it).slice(0, 120));
        return `${c}: ${a.id} (${a.title})${items.length ? `\n      ${items.join('\n      ')}` : ''}`;
      }),
  );
  return { url, scores, failing };
}

/**
 * Audits the home page and the first question page of a built site; one result per page. The test leaves out
 * performance (reported by `npm run audit`, never gated): its trace and simulated load are most of the time.
 */
export async function auditSite(dist = DIST, categories: readonly string[] = CATEGORIES): Promise<PageResult[]> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run npm run build first`);
  const question = readdirSync(join(dist, 'questions')).sort()[0];
  if (!question) throw new Error(`no question page in ${dist}/questions`);
  const sitePort = await freePort();
  const server = await preview(sitePort, dist);
  const chrome = await chromeLauncher.launch({
    chromePath: findChrome(),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const results: PageResult[] = [];
  try {
    for (const path of ['/', `/questions/${question}/`])
      results.push(await audit(`http://localhost:${sitePort}${path}`, chrome.port, categories));
  } finally {
    chrome.kill();
    server.kill();
  }
  return results;
}

/** One line per failing audit, naming the page. */
export function failingAudits(results: PageResult[]): string[] {
  return results.flatMap((r) => r.failing.map((f) => `${new URL(r.url).pathname}  ${f}`));
}

async function main(): Promise<number> {
  const results = await auditSite();
  console.table(results.map((r) => ({ page: new URL(r.url).pathname, ...r.scores })));
  const failing = failingAudits(results);
  if (failing.length) {
    console.error(`Lighthouse: ${GATED.join(', ')} must score 100. Failing audits:\n  ${failing.join('\n  ')}`);
    return 1;
  }
  console.log(`Lighthouse: ${GATED.join(', ')} at 100 on ${results.length} pages (performance reported above, not gated).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
