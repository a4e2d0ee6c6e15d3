// `<Evidence claim="id" />` tags in question sources, read in one place: the claims page's usage lists (which
// questions use each claim) and the content tests both go through `evidenceClaims`, so they cannot disagree
// on what counts as a tag. Computed from the files at build time, so no usage is ever listed by hand.

export interface ContentFile {
  /** The question id (the file name without .mdx). */
  id: string;
  text: string;
}

// `<Evidence` as a whole tag name (not `<Evidences`), then `claim=` among its attributes in any order and
// line layout, its value in double quotes, single quotes or an MDX expression holding a string literal.
const evidenceTag = /<Evidence\b[^>]*?\bclaim\s*=\s*(?:"([^"]+)"|'([^']+)'|\{\s*["']([^"']+)["']\s*\})/g;

/** The claim ids of the `<Evidence>` tags in an MDX source, in order of appearance (repeats kept). */
export function evidenceClaims(text: string): string[] {
  return [...text.matchAll(evidenceTag)].flatMap((match) => match[1] ?? match[2] ?? match[3] ?? []);
}

/** Claim id → the ids of the questions whose text contains an `<Evidence claim="…">` for it (sorted, unique). */
export function findClaimUsages(files: readonly ContentFile[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    for (const claim of evidenceClaims(file.text)) {
      if (!out.has(claim)) out.set(claim, new Set());
      out.get(claim)!.add(file.id);
    }
  }
  return new Map([...out].map(([claim, ids]) => [claim, [...ids].sort()]));
}
