// The question sources (content/*.mdx) as tests read them: frontmatter parsed by a YAML parser (the `yaml`
// package), never picked out by regex, so a field written in flow style, block style or quotes reads the
// same as the build reads it. Drafts included: filter on `frontmatter.draft` where only published ones count.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const CONTENT_DIR = resolve(import.meta.dirname, '../../content');

export interface QuestionFile {
  /** e.g. `why-add-and-norm.mdx` */
  file: string;
  /** the file name without `.mdx`: the question's id and URL segment */
  id: string;
  frontmatter: Record<string, unknown>;
  /** everything after the closing `---` */
  body: string;
  /** the whole file */
  source: string;
}

/** Splits and parses one MDX source; an error names the file, since a test then reports it as is. */
export function parseQuestionFile(file: string, source: string): QuestionFile {
  // The fence is the only thing found by regex: `---` lines delimit the YAML, as Astro and every
  // frontmatter reader define it.
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`content/${file}: no frontmatter block (a first line "---", the YAML, then a line "---")`);
  const frontmatter: unknown = parse(match[1]!);
  if (frontmatter === null || typeof frontmatter !== 'object' || Array.isArray(frontmatter)) {
    throw new Error(`content/${file}: the frontmatter is not a YAML mapping of fields`);
  }
  return { file, id: file.replace(/\.mdx$/, ''), frontmatter: frontmatter as Record<string, unknown>, body: match[2]!, source };
}

/** Every content/*.mdx, drafts included, sorted by file name. */
export function questionFiles(): QuestionFile[] {
  return readdirSync(CONTENT_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => parseQuestionFile(f, readFileSync(resolve(CONTENT_DIR, f), 'utf8')));
}

/** A question's file by id; throws naming the missing file. */
export function questionFile(id: string): QuestionFile {
  return parseQuestionFile(`${id}.mdx`, readFileSync(resolve(CONTENT_DIR, `${id}.mdx`), 'utf8'));
}
