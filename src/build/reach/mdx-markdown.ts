// MDX body → clean Markdown, for the Markdown twins (/questions/<id>.md) and llms-full.txt. A small parser of
// the MDX the content uses, not a regex over rendered HTML: plain Markdown passes through; fenced code and
// inline code are copied verbatim; the known components (<M>, <Cite>, <Term>, <Verdict>, <Evidence>,
// <SourceCode>) are handed to resolvers; MDX imports and comments are dropped. Anything else (an unknown component, an
// expression in braces, an unclosed tag) throws naming the file, the line and the component, so a twin never
// carries half-converted MDX. Pure: resolvers bring the site's data (papers, glossary, claims).
import { calculate } from '~/build/arith';
import { sourceNote } from '~/build/source-region';

export interface MdxResolvers {
  // <M t> needs no resolver: the parser writes its TeX as $…$ or $$…$$.
  cite(key: string, at: string | undefined): string;
  term(id: string, text: string): string;
  /** The Markdown of an evidence block, written as a block (blank lines around it). */
  evidence(claimId: string): string;
  /** Components drawn on the page that have no text form (e.g. a diagram): a line pointing to the page. */
  figure(name: string): string;
  /** The lines of a region of a lab file (<SourceCode file region>), as the page shows them. */
  source(file: string, region: string): string;
}

export interface MdxNode {
  kind: 'text' | 'element';
  /** text: the raw Markdown; element: the component name. */
  value: string;
  attrs: Record<string, string | true>;
  children: MdxNode[];
  line: number;
}

/** Components drawn on the page that the twin replaces by a pointer (resolvers.figure). */
export const FIGURE_COMPONENTS: ReadonlySet<string> = new Set(['DecoderLayerDiagram', 'BlockLab', 'TranslateYourself']);
/** Components that carry no content of their own in the twin (the thread line points to /thread/ on the page). */
const SKIPPED = new Set(['ThreadContext']);
const KNOWN = new Set(['M', 'Calc', 'Cite', 'Term', 'Verdict', 'Evidence', 'SourceCode', ...FIGURE_COMPONENTS, ...SKIPPED]);

class MdxError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Parses an MDX body into text and component nodes (components may nest; code is kept as text). */
export function parseMdx(body: string): MdxNode[] {
  const root: MdxNode = { kind: 'element', value: '#root', attrs: {}, children: [], line: 1 };
  const stack: MdxNode[] = [root];
  let i = 0;
  let text = '';
  let atLineStart = true;
  const lineAt = (pos: number) => body.slice(0, pos).split('\n').length;
  const top = () => stack.at(-1)!;
  const flush = () => {
    if (text) top().children.push({ kind: 'text', value: text, attrs: {}, children: [], line: 0 });
    text = '';
  };

  while (i < body.length) {
    const rest = body.slice(i);
    if (atLineStart) {
      // fenced code: copy to the closing fence verbatim
      const fence = /^( {0,3})(`{3,}|~{3,})[^\n]*\n/.exec(rest);
      if (fence) {
        const marker = fence[2]!;
        const close = new RegExp(`\\n {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*(?=\\n|$)`, 'g');
        close.lastIndex = fence[0].length - 1;
        const m = close.exec(rest);
        if (!m) throw new MdxError(`line ${lineAt(i)}: unclosed code fence`);
        const end = m.index + m[0].length;
        text += rest.slice(0, end);
        i += end;
        atLineStart = false;
        continue;
      }
      // MDX ESM (import/export) at the top level: not content
      const esm = /^(import|export)\s[^\n]*(\n|$)/.exec(rest);
      if (esm && stack.length === 1) {
        i += esm[0].length;
        continue;
      }
    }
    const ch = body[i]!;
    if (ch === '`') {
      const run = /^`+/.exec(rest)![0];
      const end = rest.indexOf(run, run.length);
      if (end < 0) {
        text += run;
        i += run.length;
      } else {
        text += rest.slice(0, end + run.length);
        i += end + run.length;
      }
      atLineStart = false;
      continue;
    }
    if (ch === '{') {
      const comment = /^\{\s*\/\*[\s\S]*?\*\/\s*\}/.exec(rest);
      if (comment) {
        i += comment[0].length;
        continue;
      }
      throw new MdxError(`line ${lineAt(i)}: an MDX expression {…} has no Markdown form`);
    }
    if (ch === '<' && /^<\/?[A-Z]/.test(rest)) {
      const line = lineAt(i);
      const closing = /^<\/([A-Za-z][\w.]*)\s*>/.exec(rest);
      if (closing) {
        const name = closing[1]!;
        if (top().value !== name) throw new MdxError(`line ${line}: </${name}> closes <${top().value}>`);
        flush();
        stack.pop();
        i += closing[0].length;
        atLineStart = false;
        continue;
      }
      const { node, length, selfClosing } = parseOpeningTag(rest, line);
      if (!KNOWN.has(node.value)) throw new MdxError(`line ${line}: unknown component <${node.value}>`);
      flush();
      top().children.push(node);
      if (!selfClosing) stack.push(node);
      i += length;
      atLineStart = false;
      continue;
    }
    text += ch;
    atLineStart = ch === '\n';
    i += 1;
  }
  flush();
  if (stack.length > 1) throw new MdxError(`line ${top().line}: <${top().value}> is never closed`);
  return root.children;
}

function parseOpeningTag(src: string, line: number): { node: MdxNode; length: number; selfClosing: boolean } {
  const name = /^<([A-Za-z][\w.]*)/.exec(src)![1]!;
  let i = name.length + 1;
  const attrs: Record<string, string | true> = {};
  for (;;) {
    while (/\s/.test(src[i] ?? '')) i += 1;
    if (src.startsWith('/>', i)) return { node: element(name, attrs, line), length: i + 2, selfClosing: true };
    if (src[i] === '>') return { node: element(name, attrs, line), length: i + 1, selfClosing: false };
    const attr = /^([A-Za-z_][\w-]*)/.exec(src.slice(i));
    if (!attr) throw new MdxError(`line ${line}: <${name}>: cannot read its attributes`);
    const key = attr[1]!;
    i += key.length;
    while (/[ \t]/.test(src[i] ?? '')) i += 1;
    if (src[i] !== '=') {
      attrs[key] = true;
      continue;
    }
    i += 1;
    while (/[ \t]/.test(src[i] ?? '')) i += 1;
    const quote = src[i];
    if (quote !== '"' && quote !== "'")
      throw new MdxError(`line ${line}: <${name} ${key}>: only quoted string values have a Markdown form`);
    const end = src.indexOf(quote, i + 1);
    if (end < 0) throw new MdxError(`line ${line}: <${name} ${key}>: unclosed string`);
    attrs[key] = decodeEntities(src.slice(i + 1, end));
    i = end + 1;
  }
}

const element = (value: string, attrs: MdxNode['attrs'], line: number): MdxNode => ({ kind: 'element', value, attrs, children: [], line });

function str(node: MdxNode, key: string, required = true): string | undefined {
  const v = node.attrs[key];
  if (typeof v === 'string') return v;
  if (required) throw new MdxError(`line ${node.line}: <${node.value}> needs ${key}="…"`);
  return undefined;
}

/** Plain text of Markdown children (for a term's link text). */
function inline(nodes: MdxNode[], r: MdxResolvers): string {
  return render(nodes, r).replace(/\s+/g, ' ').trim();
}

function blockquote(md: string): string {
  return md
    .trim()
    .split('\n')
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n');
}

const VERDICT_WORDS: Record<string, string> = { right: 'right', partly: 'partly right', wrong: 'wrong' };

function render(nodes: MdxNode[], r: MdxResolvers): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') {
      out += n.value;
      continue;
    }
    switch (n.value) {
      case 'M': {
        const t = str(n, 't')!.trim();
        out += n.attrs['block'] === true ? `$$\n${t}\n$$` : `$${t}$`;
        break;
      }
      case 'Calc': {
        // The same arithmetic the page computes (components/Calc.astro), as TeX.
        const digits = str(n, 'digits', false);
        out += `$${calculate(str(n, 'e')!, digits ? Number(digits) : undefined).tex}$`;
        break;
      }
      case 'Cite':
        out += r.cite(str(n, 'k')!, str(n, 'at', false));
        break;
      case 'Term':
        out += r.term(str(n, 'id')!, inline(n.children, r));
        break;
      case 'Evidence':
        out += `\n${r.evidence(str(n, 'claim')!).trim()}\n`;
        break;
      case 'SourceCode': {
        const [file, region] = [str(n, 'file')!, str(n, 'region')!];
        let code: string;
        try {
          code = r.source(file, region);
        } catch (e) {
          throw new MdxError(`line ${n.line}: <SourceCode file="${file}" region="${region}">: ${(e as Error).message}`);
        }
        // A fence longer than any run of backticks in the code, so the code cannot close it.
        const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)));
        out += `\n${fence}ts\n${code}\n${fence}\n\n*From \`${file}\`: ${sourceNote(file)}.*\n`;
        break;
      }
      case 'Verdict': {
        const v = str(n, 'v')!;
        const word = VERDICT_WORDS[v];
        if (!word) throw new MdxError(`line ${n.line}: <Verdict v="${v}">: v must be right, partly or wrong`);
        const quote = str(n, 'quote', false);
        const head = `**Verdict on claim ${str(n, 'claim')}: ${word}.**${quote ? ` The claim: “${quote}”` : ''}`;
        out += blockquote(`${head}\n\n${render(n.children, r).trim()}`);
        break;
      }
      default:
        if (FIGURE_COMPONENTS.has(n.value)) out += r.figure(n.value);
        else if (SKIPPED.has(n.value)) continue;
        else throw new MdxError(`line ${n.line}: unknown component <${n.value}>`);
    }
  }
  return out;
}

/** The Markdown of an MDX body; `file` names the source in errors (e.g. content/why-add-and-norm.mdx). */
export function mdxToMarkdown(body: string, resolvers: MdxResolvers, file: string): string {
  try {
    return render(parseMdx(body), resolvers)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
