// "Cite this answer": a BibTeX entry and a plain citation of a question page, with its permalink and the
// date it was last updated (frontmatter `updated`). The site is the author: answers carry no personal names.
import { formatDate } from '~/build/dates';

export interface CitedAnswer {
  id: string;
  question: string;
  updated: Date;
  /** The page's absolute URL (its permalink). */
  url: string;
  siteName: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** TeX's special characters escaped for a BibTeX field. */
export function bibtexEscape(s: string): string {
  // One pass, so the braces of \textbackslash{} are not escaped again.
  const words: Record<string, string> = { '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' };
  return s.replace(/[\\~^&%$#_{}]/g, (c) => words[c] ?? `\\${c}`);
}

export function bibtexKey(id: string, updated: Date): string {
  return `addnorm:${id}:${updated.getUTCFullYear()}`;
}

export function bibtex(a: CitedAnswer): string {
  const day = a.updated.toISOString().slice(0, 10);
  const fields: [string, string][] = [
    ['author', `{${bibtexEscape(a.siteName)}}`],
    // Double braces keep the question's capitals as written.
    ['title', `{${bibtexEscape(a.question)}}`],
    ['year', String(a.updated.getUTCFullYear())],
    ['month', MONTHS[a.updated.getUTCMonth()]!],
    ['url', a.url],
    ['note', `Last updated ${day}`],
  ];
  const body = fields.map(([k, v]) => `  ${k} = ${k === 'month' ? v : `{${v}}`}`).join(',\n');
  return `@misc{${bibtexKey(a.id, a.updated)},\n${body}\n}`;
}

export function plainCitation(a: CitedAnswer): string {
  return `${a.siteName}. “${a.question}” Last updated ${formatDate(a.updated)}. ${a.url}`;
}
