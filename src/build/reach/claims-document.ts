// /claims.json: every registered claim (src/build/reach/claim-records.ts) with where each is used on the site,
// described by /claims.schema.json (src/build/reach/claims.schema.json).
import { claims } from '~/experiments';
import { findClaimUsages } from '~/build/content/claim-usage';
import { claimRecords, type ClaimRecord } from './claim-records';

export interface ClaimsDocument {
  $schema: string;
  site: string;
  /** Claims that no published answer shows are listed too (usedIn is then empty). */
  claims: (ClaimRecord & { pages: string[] })[];
}

/** `questions`: the published questions' ids and raw MDX bodies. */
export function claimsDocument(questions: readonly { id: string; text: string }[], site: string | URL): ClaimsDocument {
  const usages = findClaimUsages(questions);
  for (const id of usages.keys()) {
    if (!claims.some((c) => c.id === id)) {
      const files = usages
        .get(id)!
        .map((q) => `content/${q}.mdx`)
        .join(', ');
      throw new Error(`${files}: <Evidence claim="${id}">: no such claim in src/lab/claims.ts`);
    }
  }
  return {
    $schema: new URL('/claims.schema.json', site).href,
    site: new URL('/', site).href,
    claims: claimRecords(usages).map((r) => ({
      ...r,
      pages: r.usedIn.map((q) => new URL(`/questions/${q}/#evidence-${r.id}`, site).href),
    })),
  };
}
