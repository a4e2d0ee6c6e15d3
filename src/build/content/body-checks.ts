// Checks an MDX body against its frontmatter and the data files: every <Cite k> is a known paper listed in
// `cites`, every <Evidence claim> a registered claim, every <Term id> a glossary entry, every <SourceCode file
// region> a region of a lab file. Pure (no astro:content), so it is unit-tested in Node.
import { glossaryEntry } from '~/data/glossary';
import { paperByKey } from '~/data/papers';
import { getClaim } from '~/experiments';
import { sourceRegion } from '~/build/source-region';
import { findClaimUsages } from './claim-usage';

/** Keys used as <Cite k="…"> in an MDX body. */
export function citedInBody(body: string): string[] {
  return [...body.matchAll(/<Cite\b[^>]*?\bk=["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** Glossary ids used as <Term id="…"> in an MDX body. */
export function termsInBody(body: string): string[] {
  return [...body.matchAll(/<Term\b[^>]*?\bid=["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** The file and region of each <SourceCode file="…" region="…"> in an MDX body (either attribute order; '' if missing). */
export function sourceCodesInBody(body: string): Array<{ file: string; region: string }> {
  return [...body.matchAll(/<SourceCode\b([^>]*)>/g)].map((m) => ({
    file: /\bfile=["']([^"']*)["']/.exec(m[1]!)?.[1] ?? '',
    region: /\bregion=["']([^"']*)["']/.exec(m[1]!)?.[1] ?? '',
  }));
}

/** The problems of one entry, each naming its file and the field or component at fault. */
export function bodyProblems(q: { id: string; body?: string; data: { cites: readonly string[] } }): string[] {
  const problems: string[] = [];
  const file = `content/${q.id}.mdx`;
  for (const key of new Set(citedInBody(q.body ?? ''))) {
    try {
      paperByKey(key);
    } catch (e) {
      problems.push(`${file}: <Cite k="${key}">: ${(e as Error).message}`);
      continue;
    }
    if (!q.data.cites.includes(key)) problems.push(`${file}: <Cite k="${key}"> is not listed in the frontmatter field cites`);
  }
  for (const claim of findClaimUsages([{ id: q.id, text: q.body ?? '' }]).keys()) {
    try {
      getClaim(claim);
    } catch (e) {
      problems.push(`${file}: <Evidence claim="${claim}">: ${(e as Error).message}`);
    }
  }
  for (const id of new Set(termsInBody(q.body ?? ''))) {
    try {
      glossaryEntry(id);
    } catch (e) {
      problems.push(`${file}: <Term id="${id}">: ${(e as Error).message}`);
    }
  }
  for (const { file: source, region } of sourceCodesInBody(q.body ?? '')) {
    try {
      sourceRegion(source, region);
    } catch (e) {
      problems.push(`${file}: <SourceCode file="${source}" region="${region}">: ${(e as Error).message}`);
    }
  }
  return problems;
}
