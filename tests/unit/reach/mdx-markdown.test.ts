// The MDX → Markdown parser of the twins: components become Markdown, code stays verbatim, bad input fails
// naming the file and line; and every real question converts to Markdown with no component left.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mdxToMarkdown, parseMdx, type MdxResolvers } from '~/build/reach/mdx-markdown';
import { questionMarkdown } from '~/build/reach/question-markdown';
import { sourceRegion } from '~/build/source-region';

const r: MdxResolvers = {
  cite: (k, at) => `[${k}${at ? ` ${at}` : ''}]`,
  term: (id, text) => `{${id}:${text}}`,
  evidence: (claim) => `> evidence ${claim}`,
  figure: (name) => `(figure ${name})`,
  source: (file, region) => {
    if (region === 'ticks') return 'const s = `a ```` b`;';
    if (region !== 'r') throw new Error(`${file} has no region "${region}"`);
    return `// ${file}\nexport const x = 1;`;
  },
};
const md = (body: string) => mdxToMarkdown(body, r, 'content/t.mdx');

describe('mdxToMarkdown', () => {
  test('inline and block math become TeX', () => {
    expect(md('Sum <M t="x + F(x)" /> here.')).toBe('Sum $x + F(x)$ here.');
    expect(md('<M block t="y = \\operatorname{LN}(x)" />')).toBe('$$\ny = \\operatorname{LN}(x)\n$$');
    expect(md('<M t="y_{<i}" /> and <M t=\'a > b\' />')).toBe('$y_{<i}$ and $a > b$');
  });
  test('citations, terms (with nested markup) and evidence go through the resolvers', () => {
    expect(md('As <Cite k="Vas17" at="§3.1" /> and <Cite k="He16a" />.')).toBe('As [Vas17 §3.1] and [He16a].');
    expect(md('a <Term id="rank-collapse">rank\ncollapse</Term>.')).toBe('a {rank-collapse:rank collapse}.');
    expect(md('Before.\n\n<Evidence claim="e1-x" />\n\nAfter.')).toBe('Before.\n\n> evidence e1-x\n\nAfter.');
  });
  test('a verdict becomes a quoted block with its claim, quote and reasons', () => {
    const out = md('<Verdict v="partly" claim="(b)" quote="Norm &amp; more.">\nWhy, with <M t="x" />.\n\nSecond.\n</Verdict>');
    expect(out).toBe('> **Verdict on claim (b): partly right.** The claim: “Norm & more.”\n>\n> Why, with $x$.\n>\n> Second.');
  });
  test('code fences, inline code and headings are kept verbatim; imports and comments are dropped', () => {
    const body =
      'import D from \'../x.astro\';\n\n## A <M t="x" /> heading\n\n```python\nimport numpy\nstart = "<s>" # <M t="no" />\n```\n\nThe `<s>` token. {/* note */}<D />';
    expect(() => md(body)).toThrow(/content\/t\.mdx: line 10: unknown component <D>/);
    expect(md(body.replace('<D />', ''))).toBe(
      '## A $x$ heading\n\n```python\nimport numpy\nstart = "<s>" # <M t="no" />\n```\n\nThe `<s>` token.',
    );
    expect(parseMdx('```\n<M t="x" />\n```').every((n) => n.kind === 'text')).toBe(true);
  });
  test('lab source becomes a fenced ts block with the file it comes from', () => {
    expect(md('Before.\n\n<SourceCode file="src/lab/a.ts" region="r" />\n\nAfter.')).toBe(
      'Before.\n\n```ts\n// src/lab/a.ts\nexport const x = 1;\n```\n\n*From `src/lab/a.ts`: the code the lab runs.*\n\nAfter.',
    );
    expect(md('<SourceCode file="src/lab/a.ts" region="ticks" />')).toBe(
      '`````ts\nconst s = `a ```` b`;\n`````\n\n*From `src/lab/a.ts`: the code the lab runs.*',
    );
  });
  test('a missing region names the file, the line, the source file and the region', () => {
    expect(() => md('x\n\n<SourceCode file="src/lab/a.ts" region="nope" />')).toThrow(
      'content/t.mdx: line 3: <SourceCode file="src/lab/a.ts" region="nope">: src/lab/a.ts has no region "nope"',
    );
    expect(() => md('<SourceCode file="src/lab/a.ts" />')).toThrow('content/t.mdx: line 1: <SourceCode> needs region="…"');
  });
  test('known figure components point to the page', () => {
    expect(md('<DecoderLayerDiagram />')).toBe('(figure DecoderLayerDiagram)');
  });
  test('bad input fails naming the file, the line and the component', () => {
    expect(() => md('x\n<Verdict v="maybe" claim="(a)">y</Verdict>')).toThrow(
      'content/t.mdx: line 2: <Verdict v="maybe">: v must be right, partly or wrong',
    );
    expect(() => md('<Cite at="x" />')).toThrow('content/t.mdx: line 1: <Cite> needs k="…"');
    expect(() => md('<Term id="a">x')).toThrow('content/t.mdx: line 1: <Term> is never closed');
    expect(() => md('a {1 + 1}')).toThrow(/line 1: an MDX expression/);
    expect(() => md('<M t={x} />')).toThrow(/only quoted string values/);
    expect(() => md('```\nnever closed')).toThrow(/unclosed code fence/);
  });
});

describe('every question of content/ converts', () => {
  const dir = new URL('../../../content/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  test.each(files)('%s', (f) => {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    const cites =
      /^cites:\s*\[(.*)\]/m
        .exec(front!)?.[1]
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) ?? [];
    const out = questionMarkdown(
      { id: f.replace(/\.mdx$/, ''), question: 'Q?', short: 'S.', updated: new Date('2026-01-02'), cites, body: body! },
      'https://example.org/',
    );
    const prose = out
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`]*`/g, '')
      .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$/g, '');
    expect(prose, 'no component or HTML tag outside code and math').not.toMatch(/<\/?[A-Za-z][^>]*>/);
    for (const m of body!.matchAll(/<Evidence claim="([^"]+)"/g)) expect(out).toContain(`#evidence-${m[1]}`);
    for (const m of body!.matchAll(/<SourceCode file="([^"]+)" region="([^"]+)"/g))
      expect(out).toContain(`\`\`\`ts\n${sourceRegion(m[1]!, m[2]!)}\n\`\`\``);
    for (const m of body!.matchAll(/^#{2,3} (.+)$/gm)) expect(out).toContain(m[0].replace(/<M t="([^"]*)" \/>/g, '$$$1$$'));
  });
});
