// Where each claim is used: the question pages (content/*.mdx) that contain `<Evidence claim="id"`.
// Computed from the files at build time, so the claims page never lists a usage by hand.

export interface ContentFile {
  /** The question id (the file name without .mdx). */
  id: string;
  text: string;
}

const evidenceTag = /<Evidence\b[^>]*?\bclaim\s*=\s*(?:"([^"]+)"|'([^']+)'|\{\s*["']([^"']+)["']\s*\})/g;

/** Claim id → the ids of the questions whose text contains an `<Evidence claim="…">` for it (sorted, unique). */
export function findClaimUsages(files: readonly ContentFile[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    for (const match of file.text.matchAll(evidenceTag)) {
      const claim = match[1] ?? match[2] ?? match[3];
      if (!claim) continue;
      if (!out.has(claim)) out.set(claim, new Set());
      out.get(claim)!.add(file.id);
    }
  }
  return new Map([...out].map(([claim, ids]) => [claim, [...ids].sort()]));
}
