// Lighthouse on the built site (home page and a question page, served by `astro preview`, Debian's Chromium):
// accessibility, best practices and SEO at 100. The same audit as `npm run audit` (scripts/lighthouse.ts),
// which also prints the performance score; performance is not asserted (noisy on 2 shared cores), so the test
// does not run it.
import { describe, expect, it } from 'vitest';
import { auditSite, failingAudits, GATED } from '../../scripts/lighthouse.ts';
import { DIST } from './site.ts';

describe('Lighthouse', () => {
  it(`scores 100 in ${GATED.join(', ')} on the home page and a question page`, async () => {
    const results = await auditSite(DIST, GATED); // without performance: not gated, and most of the audit's time
    console.table(results.map((r) => ({ page: new URL(r.url).pathname, ...r.scores })));
    expect(results.length).toBe(2);
    expect(failingAudits(results), 'failing Lighthouse audits').toEqual([]);
    for (const r of results) for (const c of GATED) expect(r.scores[c], `${r.url}: ${c}`).toBe(100);
  }, 240_000);
});
