// Every internal link in the built site (href and src, srcset too) resolves to a file in dist/, and
// every #fragment to an id on the target page. External links (arXiv) are not fetched here.
import { describe, expect, it } from 'vitest';
import { attr, builtPages, elements, line, parsePage, urlToFile, type Element } from './harness.ts';

const pages = builtPages();
const ORIGIN = 'http://site.invalid';

/** The URLs an element points at, with the attribute they came from. */
function urlsOf(el: Element): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of ['href', 'src', 'poster', 'data']) {
    const v = attr(el, name);
    if (v !== undefined && !(name === 'data' && el.tagName !== 'object')) out.push([name, v]);
  }
  const srcset = attr(el, 'srcset');
  if (srcset) for (const part of srcset.split(',')) out.push(['srcset', part.trim().split(/\s+/)[0]!]);
  return out;
}

const idsByFile = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsByFile.get(file);
  if (!ids) {
    ids = new Set(elements(parsePage(file), (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id')!));
    idsByFile.set(file, ids);
  }
  return ids;
}

describe('every internal link resolves', () => {
  it.each(pages.map((p) => [p.url, p]))('%s', (_url, p) => {
    const broken: string[] = [];
    const base = new URL(p.url, ORIGIN);
    for (const el of elements(parsePage(p.path))) {
      if (el.tagName === 'link' && /\b(preconnect|dns-prefetch)\b/.test(attr(el, 'rel') ?? '')) continue;
      for (const [name, raw] of urlsOf(el)) {
        const value = raw.trim();
        if (value === '' || /^(mailto|tel|data|javascript|blob):/i.test(value)) continue;
        let url: URL;
        try {
          url = new URL(value, base);
        } catch {
          broken.push(`<${el.tagName} ${name}="${value}"> (${line(el)}): not a URL`);
          continue;
        }
        if (url.origin !== ORIGIN) continue; // another site: not ours to check here
        const target = urlToFile(url.pathname);
        if (!target) {
          broken.push(`<${el.tagName} ${name}="${value}"> (${line(el)}): no file in dist/ for ${url.pathname}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        // "#top" scrolls to the top without an element (HTML spec); an empty fragment does too
        if (fragment && fragment !== 'top' && target.endsWith('.html') && !idsOf(target).has(fragment)) {
          broken.push(`<${el.tagName} ${name}="${value}"> (${line(el)}): no id="${fragment}" on ${url.pathname}`);
        }
      }
    }
    expect(broken, `${p.url} (dist/${p.file}): broken internal links`).toEqual([]);
  });
});
