// The Markdown twin of a question page (/questions/<id>.md): the question, its short answer, the body
// converted from MDX (math as TeX, citations linking to arXiv, glossary terms to the glossary, each evidence
// block as claim + measured figures + seeds + verdict, the lab's source as fenced TypeScript), and the references. Also the llms.txt entries.
import { glossaryEntry } from '~/data/glossary';
import { paperByKey, paperUrl, shortCitation, type Paper } from '~/data/papers';
import { getClaim } from '~/experiments';
import { sourceRegion } from '~/build/source-region';
import { claimRecord } from './claim-records';
import { evidenceMarkdown } from './evidence-markdown';
import { mdxToMarkdown, type MdxResolvers } from './mdx-markdown';

export interface QuestionFacts {
  id: string;
  question: string;
  short: string;
  updated: Date;
  cites: readonly string[];
  /** The raw MDX body (after the frontmatter). */
  body: string;
}

/** Absolute URLs of a question's page and its twin on a site (e.g. https://example.org/). */
export const pageUrlOf = (site: string | URL, id: string) => new URL(`/questions/${id}/`, site).href;
export const markdownUrlOf = (site: string | URL, id: string) => new URL(`/questions/${id}.md`, site).href;

export function referenceLine(p: Paper): string {
  return `${p.authors.join(', ')} (${p.year}). [${p.title}](${paperUrl(p)}). ${p.venue}.${p.arxiv ? ` arXiv:${p.arxiv}.` : ''}`;
}

function resolvers(q: QuestionFacts, site: string | URL): MdxResolvers {
  const page = pageUrlOf(site, q.id);
  return {
    cite: (key, at) => {
      const p = paperByKey(key);
      return `[(${shortCitation(p)}${at ? `, ${at}` : ''})](${paperUrl(p)})`;
    },
    term: (id, text) => `[${text}](${new URL(`/glossary/#${glossaryEntry(id).id}`, site).href})`,
    evidence: (claimId) => evidenceMarkdown(claimRecord(getClaim(claimId)), page),
    figure: (name) =>
      name === 'BlockLab'
        ? `*(The block lab is here on the page: the lab's Add & Norm as editable TF.js code, run in the browser: ${page}#block-lab)*`
        : name === 'TranslateYourself'
          ? `*(“Translate it yourself” is here on the page: E15's encoder–decoder trained in the browser, then greedy decoding of a sentence of the toy language, teacher-forced and free-running, with each token's cross-attention row: ${page}#translate-yourself)*`
          : `*(A drawing is shown here on the page, not reproduced in Markdown: ${page})*`,
    source: sourceRegion,
  };
}

/** Links written in the body relative to the page (#fragment, /path) made absolute: a twin is read elsewhere. */
export function absoluteLinks(md: string, pageUrl: string, site: string | URL): string {
  return md
    .replace(/\]\((#[^)\s]*)\)/g, (_, hash: string) => `](${pageUrl}${hash})`)
    .replace(/\]\((\/[^)\s]*)\)/g, (_, path: string) => `](${new URL(path, site).href})`);
}

export function questionMarkdown(q: QuestionFacts, site: string | URL): string {
  const file = `content/${q.id}.mdx`;
  const body = absoluteLinks(mdxToMarkdown(q.body, resolvers(q, site), file), pageUrlOf(site, q.id), site);
  const refs = q.cites.map((k) => paperByKey(k));
  const parts = [
    `# ${q.question}`,
    `Source: ${pageUrlOf(site, q.id)} · Updated ${q.updated.toISOString().slice(0, 10)}`,
    `## Short answer`,
    q.short,
    body,
  ];
  if (refs.length) parts.push('## References', refs.map((p, i) => `${i + 1}. ${referenceLine(p)}`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}
