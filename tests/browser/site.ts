// What the built site contains, read from dist/ (not from the sources), so that every page the build
// emits is covered by the browser tests without listing it anywhere.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { SEARCH_EXCLUDED } from '~/build/integrations/search-excluded';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// SITE_DIST lets a build elsewhere be tested (e.g. while another build writes dist/); dist/ by default.
export const DIST = resolve(process.env.SITE_DIST ?? join(REPO_ROOT, 'dist'));

export interface BuiltPage {
  /** path of the HTML file relative to dist/, e.g. questions/why-add-and-norm/index.html */
  file: string;
  /** absolute path of the HTML file */
  path: string;
  /** the URL path a static host serves it at: /, /questions/x/, /404.html */
  url: string;
}

/** Throws (failing the test file, never skipping it) when there is no build to test. */
export function assertBuilt(dist = DIST): void {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run npm run build first (npm test builds before the browser tests)`);
  }
}

/** Every HTML file in dist/, sorted, as the URL it is served at. Pagefind's own folder holds no pages. */
export function builtPages(dist = DIST): BuiltPage[] {
  assertBuilt(dist);
  return (readdirSync(dist, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html') && !f.split(sep).includes('pagefind'))
    .map((f) => f.split(sep).join('/'))
    .sort()
    .map((file) => ({ file, path: join(dist, file), url: fileToUrl(file) }));
}

export function fileToUrl(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return '/' + file.slice(0, -'index.html'.length);
  return '/' + file;
}

/** The file a static host serves for a URL path, or undefined when there is none. */
export function urlToFile(pathname: string, dist = DIST): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const target = resolve(join(dist, decoded));
  if (target !== dist && !target.startsWith(dist + sep)) return undefined;
  const candidates = decoded.endsWith('/') ? [join(target, 'index.html')] : [target, join(target, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

// ---- a small DOM over parse5's tree ---------------------------------------------------------------

const documents = new Map<string, Node>();

export function parsePage(path: string): Node {
  let doc = documents.get(path);
  if (!doc) {
    doc = parse(readFileSync(path, 'utf8'), { sourceCodeLocationInfo: true }) as Node;
    documents.set(path, doc);
  }
  return doc;
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function children(node: Node): Node[] {
  const kids = 'childNodes' in node ? node.childNodes : [];
  // <template> keeps its children in a separate fragment
  return 'content' in node && node.content ? [...kids, ...node.content.childNodes] : kids;
}

export function elements(root: Node, match: (el: Element) => boolean = () => true): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    if (isElement(node) && match(node)) found.push(node);
    for (const child of children(node)) walk(child);
  };
  walk(root);
  return found;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasAttr(el: Element, name: string): boolean {
  return el.attrs.some((a) => a.name === name);
}

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node) && (node.tagName === 'script' || node.tagName === 'style')) return '';
  return children(node).map(textOf).join('');
}

/** The source text of a <script> or <style> (which textOf leaves out). */
export function rawText(el: Element): string {
  return children(el)
    .map((n) => (n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : ''))
    .join('');
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function line(el: Element): string {
  const loc = el.sourceCodeLocation;
  return loc ? `line ${loc.startLine}` : 'line ?';
}

// ---- the site's own data, as the built pages carry it ---------------------------------------------

export interface BuiltQuestion extends BuiltPage {
  id: string;
  /** the question as the page's <h1> shows it */
  question: string;
  /** the short answer's text ([data-short-answer] without its headings) */
  short: string;
  /** the indexed article's text (what Pagefind sees) */
  articleText: string;
}

/** What Pagefind indexes of an element: its text without data-pagefind-ignore'd parts or the parts the index
 * excludes (src/build/integrations/search-excluded.ts: tag names and classes). */
export function indexedText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node)) {
    if (node.tagName === 'script' || node.tagName === 'style' || hasAttr(node, 'data-pagefind-ignore')) return '';
    const classes = (attr(node, 'class') ?? '').split(/\s+/);
    const excluded = SEARCH_EXCLUDED.some((sel) => {
      const [tag, cls] = sel.split('.');
      return (!tag || tag === node.tagName) && (!cls || classes.includes(cls));
    });
    if (excluded) return ' ';
  }
  return children(node).map(indexedText).join('');
}

/** Question pages: /questions/<id>/, with the question text from the page's <h1>. */
export function builtQuestions(dist = DIST): BuiltQuestion[] {
  return builtPages(dist)
    .filter((p) => /^\/questions\/[^/]+\/$/.test(p.url))
    .map((p) => {
      const doc = parsePage(p.path);
      const id = p.url.split('/')[2]!;
      const h1 = elements(doc, (el) => el.tagName === 'h1')[0];
      const article = elements(doc, (el) => el.tagName === 'article' && hasAttr(el, 'data-pagefind-body'))[0];
      const short = elements(doc, (el) => hasAttr(el, 'data-short-answer'))[0];
      const paragraphs = short ? elements(short, (el) => el.tagName === 'p') : [];
      const shortText = paragraphs.length > 0 ? paragraphs.map(textOf).join(' ') : short ? textOf(short) : '';
      return {
        ...p,
        id,
        question: h1 ? squash(textOf(h1)) : '',
        short: squash(shortText),
        articleText: article ? squash(indexedText(article)) : '',
      };
    });
}

/** Question ids listed on each topic page (/topics/<topic>/), from its links into /questions/. */
export function topicMembers(topic: string, dist = DIST): string[] | undefined {
  const file = urlToFile(`/topics/${topic}/`, dist);
  if (!file) return undefined;
  const main = elements(parsePage(file), (el) => el.tagName === 'main')[0] ?? parsePage(file);
  const ids = elements(main, (el) => el.tagName === 'a')
    .map((a) => attr(a, 'href') ?? '')
    .map((href) => /\/questions\/([^/#?]+)\/?/.exec(href)?.[1])
    .filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}

export function relativeToRepo(path: string): string {
  return relative(REPO_ROOT, path);
}
