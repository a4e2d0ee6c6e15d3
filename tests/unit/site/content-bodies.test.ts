// Every question file, drafts included (drafts are not built, so the build cannot catch them), uses only
// known papers and glossary terms in its body, and lists each paper it cites inline in its frontmatter.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bodyProblems } from '~/build/content/body-checks';

const dir = resolve(import.meta.dirname, '../../../content');
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

/** The `cites` list of a frontmatter block, in flow ([A, B]) or block (- A) style. */
function frontmatterCites(frontmatter: string): string[] {
  const flow = frontmatter.match(/^cites:\s*\[(.*)\]\s*$/m);
  if (flow) return flow[1]!.split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  const block = frontmatter.match(/^cites:\s*\n((?:\s+-\s+.*\n?)+)/m);
  return block ? [...block[1]!.matchAll(/-\s+["']?([^"'\s]+)/g)].map((m) => m[1]!) : [];
}

describe('question bodies', () => {
  test('there are question files', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  test.each(files)('content/%s cites known papers listed in its frontmatter and links known terms', (file) => {
    const source = readFileSync(resolve(dir, file), 'utf8');
    const match = source.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
    expect(match, `content/${file}: no frontmatter block`).not.toBeNull();
    const [, frontmatter, body] = match!;
    expect(bodyProblems({ id: file.replace(/\.mdx$/, ''), body, data: { cites: frontmatterCites(frontmatter!) } })).toEqual([]);
  });
});
