// What issue 18 makes readable by other tools, read from dist/ (no browser needed, but it needs the build):
// the Markdown twins, llms.txt and llms-full.txt, /claims.json with its schema, the social cards, the feed,
// the host headers file, and the twin link and citation on each question page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import {
  attr,
  builtPages,
  builtQuestions,
  DIST,
  elements,
  hasAttr,
  parsePage,
  REPO_ROOT,
  squash,
  textOf,
  type Element,
} from './harness.ts';
import { headerPolicy } from '~/build/csp';
import { parseHeadersFile } from '~/build/reach/host-headers.ts';

const SITE = String(config.site);
const questions = builtQuestions();
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const headOf = (path: string) => elements(parsePage(path), (el) => el.tagName === 'head')[0]!;
const meta = (head: Element, key: string, value: string) =>
  elements(head, (el) => el.tagName === 'meta' && attr(el, key) === value).map((el) => attr(el, 'content'));
/** Letters and digits only, lower case: compares a heading in HTML with the same heading in Markdown. */
const words = (s: string) =>
  s
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
/** Markdown with code and math taken out (they may legitimately contain "<"). */
const prose = (md: string) =>
  md
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/\$[^$\n]*\$/g, '');

describe('Markdown twins /questions/<id>.md', () => {
  it('the build has question pages', () => expect(questions.length).toBeGreaterThan(0));

  it.each(questions.map((q) => [q.id, q] as const))('%s: every heading and claim of the page, no HTML', (id, q) => {
    expect(existsSync(join(DIST, 'questions', `${id}.md`)), `dist/questions/${id}.md`).toBe(true);
    const md = read(`questions/${id}.md`);
    const article = elements(parsePage(q.path), (el) => el.tagName === 'article')[0]!;
    expect(md.split('\n')[0]).toBe(`# ${q.question}`);
    expect(squash(md)).toContain(q.short);
    const mdHeadings = [...md.matchAll(/^#{2,4} (.+)$/gm)].map((m) => words(m[1]!));
    for (const h of elements(article, (el) => /^h[2-4]$/.test(el.tagName))) {
      expect(mdHeadings, `${id}.md: heading “${squash(textOf(h))}”`).toContain(words(textOf(h)));
    }
    for (const block of elements(article, (el) => el.tagName === 'evidence-block')) {
      const claim = attr(block, 'data-claim')!;
      const statement = squash(textOf(elements(block, (el) => hasAttr(el, 'class') && attr(el, 'class') === 'evidence-claim')[0]!)).replace(
        /^Claim\. /,
        '',
      );
      expect(md, `${id}.md: evidence for ${claim}`).toContain(`#evidence-${claim})`);
      expect(squash(md), `${id}.md: statement of ${claim}`).toContain(statement);
    }
    for (const v of elements(article, (el) => hasAttr(el, 'data-verdict'))) {
      expect(md, `${id}.md: verdict on claim ${attr(v, 'data-claim')}`).toContain(`**Verdict on claim ${attr(v, 'data-claim')}: `);
    }
    expect(prose(md), `${id}.md: an HTML tag or MDX component outside code and math`).not.toMatch(/<\/?[A-Za-z][\w.-]*(\s[^>]*)?\/?>/);
    expect(md, `${id}.md: links are absolute`).not.toMatch(/\]\((?!https?:\/\/)/);
  });
});

describe('llms.txt and llms-full.txt', () => {
  const llms = read('llms.txt');
  const full = read('llms-full.txt');
  it('llms.txt has a title and a summary, then lists every published question once with its twin', () => {
    expect(llms).toMatch(/^# .+\n\n> .+/);
    for (const q of questions) {
      const entry = `- [${q.question}](${new URL(`/questions/${q.id}.md`, SITE).href}): ${q.short}`;
      expect(llms.split(entry).length - 1, `llms.txt: ${q.id}`).toBe(1);
    }
    expect([...llms.matchAll(/^- \[.*\]\(.*\/questions\/.*\.md\)/gm)]).toHaveLength(questions.length);
  });
  it('llms-full.txt holds every twin', () => {
    for (const q of questions) expect(full, `llms-full.txt: ${q.id}`).toContain(read(`questions/${q.id}.md`).trim());
  });
});

describe('/claims.json', () => {
  const doc = JSON.parse(read('claims.json'));
  const schema = JSON.parse(read('claims.schema.json'));
  it('validates against /claims.schema.json, which names its own address', () => {
    expect(schema.$id).toBe(new URL('/claims.schema.json', SITE).href);
    expect(doc.$schema).toBe(schema.$id);
    const validate = new Ajv({ allErrors: true }).compile(schema);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
  });
  it('matches the stored runs', () => {
    for (const c of doc.claims) {
      const ref = JSON.parse(readFileSync(join(REPO_ROOT, c.experiment.code.replace(/core\.js$/, 'stored-run.json')), 'utf8'));
      expect(c.runs[0].measurements, c.id).toEqual(ref.measurements);
      expect(c.runs[0].seed, c.id).toBe(ref.provenance.seed);
      expect([c.provenance.commit, c.provenance.date, c.provenance.tfjsVersion], c.id).toEqual([
        ref.provenance.commit,
        ref.provenance.date,
        ref.provenance.tfjsVersion,
      ]);
    }
  });
  it('every evidence block on the site is a claim of claims.json that names its page', () => {
    const byId = new Map(doc.claims.map((c: { id: string; pages: string[] }) => [c.id, c.pages]));
    for (const q of questions) {
      for (const block of elements(parsePage(q.path), (el) => el.tagName === 'evidence-block')) {
        const id = attr(block, 'data-claim')!;
        expect(byId.get(id), `${q.url}: ${id}`).toContain(new URL(`${q.url}#evidence-${id}`, SITE).href);
      }
    }
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('social cards', () => {
  it.each(questions.map((q) => [q.id, q] as const))('%s: a 1200×630 PNG referenced by its page', (id, q) => {
    const head = headOf(q.path);
    const image = `${SITE.replace(/\/$/, '')}/og/${id}.png`;
    expect(meta(head, 'property', 'og:image')).toEqual([image]);
    expect(meta(head, 'name', 'twitter:card')).toEqual(['summary_large_image']);
    expect([meta(head, 'property', 'og:image:width'), meta(head, 'property', 'og:image:height')]).toEqual([['1200'], ['630']]);
    expect(pngSize(join(DIST, 'og', `${id}.png`))).toEqual({ width: 1200, height: 630 });
  });
});

describe('feed', () => {
  const xml = read('feed.xml');
  it('is well-formed RSS 2.0 listing every published question once, newest update first', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const rss = new XMLParser({ ignoreAttributes: false }).parse(xml).rss;
    expect(rss['@_version']).toBe('2.0');
    const items = [rss.channel.item].flat() as { link: string; title: string; pubDate: string }[];
    const links = items.map((i) => i.link).sort();
    expect(links).toEqual(questions.map((q) => new URL(q.url, SITE).href).sort());
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates.every((d, i) => i === 0 || d <= dates[i - 1]!)).toBe(true);
  });
  it('is linked from the head of every page', () => {
    for (const p of builtPages()) {
      const links = elements(
        headOf(p.path),
        (el) => el.tagName === 'link' && attr(el, 'rel') === 'alternate' && attr(el, 'type') === 'application/rss+xml',
      );
      expect(
        links.map((l) => attr(l, 'href')),
        p.url,
      ).toEqual(['/feed.xml']);
    }
  });
});

describe('dist/_headers', () => {
  const rules = parseHeadersFile(read('_headers'));
  const rule = (path: string) => rules.filter((r) => r.path === path).flatMap((r) => r.headers);
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...v]) => [name!, v]),
    );

  it('sends headerPolicy() on every path: the pages’ own policy plus frame-ancestors and blob: for the worker', () => {
    const csp = rule('/*')
      .filter(([k]) => k === 'Content-Security-Policy')
      .map(([, v]) => v);
    expect(csp).toEqual([headerPolicy()]);
    const header = directives(csp[0]!);
    const page = builtPages()[0]!;
    const metaCsp = elements(headOf(page.path), (el) => el.tagName === 'meta' && attr(el, 'http-equiv') === 'content-security-policy').map(
      (el) => attr(el, 'content')!,
    );
    for (const [name, sources] of directives(metaCsp[0]!)) {
      expect(header.get(name), `${name} in the header`).toEqual(name === 'script-src' ? [...sources, 'blob:'] : sources);
    }
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
  });
  it('caches hashed assets for a year and revalidates sw.js and every page', () => {
    expect(rule('/_astro/*')).toEqual([['Cache-Control', 'public, max-age=31536000, immutable']]);
    expect(rule('/sw.js')).toEqual([['Cache-Control', 'no-cache']]);
    for (const p of builtPages()) expect(rule(p.url), p.url).toEqual([['Cache-Control', 'no-cache']]);
  });
});

describe('question pages: the twin and the citation without JavaScript', () => {
  it.each(questions.map((q) => [q.id, q] as const))('%s', (id, q) => {
    const doc = parsePage(q.path);
    const link = elements(doc, (el) => hasAttr(el, 'data-markdown-link'));
    expect(link.map((a) => attr(a, 'href'))).toEqual([`/questions/${id}.md`]);
    expect(
      elements(headOf(q.path), (el) => el.tagName === 'link' && attr(el, 'type') === 'text/markdown').map((l) => attr(l, 'href')),
    ).toEqual([`/questions/${id}.md`]);
    const cite = elements(doc, (el) => el.tagName === 'details' && hasAttr(el, 'data-cite-answer'));
    expect(cite).toHaveLength(1);
    const text = squash(textOf(cite[0]!));
    const updated = elements(doc, (el) => el.tagName === 'time')[0]!;
    expect(text).toContain(new URL(q.url, SITE).href);
    expect(text).toContain(q.question);
    expect(text).toContain(squash(textOf(updated)));
    expect(text).toMatch(
      new RegExp(
        `@misc\\{addnorm:${id}:\\d{4},.*url = \\{${new URL(q.url, SITE).href}\\}.*note = \\{Last updated ${attr(updated, 'datetime')}\\}`,
      ),
    );
  });
});
