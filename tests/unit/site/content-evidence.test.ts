// Every published answer backs its claims: at least two evidence blocks whose claims are in the registry, at
// least one verdict on the thread (right | partly | wrong), and every in-page link to an evidence block points
// at a block that is on the same page.
import { describe, expect, test } from 'vitest';
import { claims } from '~/experiments';
import { evidenceClaims } from '~/build/content/claim-usage';
import { questionFiles } from '../question-files';

const published = questionFiles()
  .filter((q) => q.frontmatter.draft !== true)
  .map((q) => [q.file, q.body] as const);
const known = new Set(claims.map((c) => c.id));

describe('answers and their evidence', () => {
  test('there are published answers', () => {
    expect(published.length).toBeGreaterThanOrEqual(10);
  });

  test.each(published)('content/%s has two or more registered evidence blocks and a verdict', (file, body) => {
    // The same reading of <Evidence claim> tags as the claims page's usage lists.
    const evidence = evidenceClaims(body);
    expect(
      evidence.filter((id) => !known.has(id)),
      `content/${file}: evidence for unregistered claims`,
    ).toEqual([]);
    expect(new Set(evidence).size, `content/${file}: distinct evidence blocks`).toBeGreaterThanOrEqual(2);
    const verdicts = [...body.matchAll(/<Verdict\s+v="([^"]*)"/g)].map((m) => m[1]!);
    expect(verdicts.length, `content/${file}: verdicts on the thread's claims`).toBeGreaterThanOrEqual(1);
    expect(
      verdicts.filter((v) => !['right', 'partly', 'wrong'].includes(v)),
      `content/${file}: verdict values`,
    ).toEqual([]);
    const links = [...body.matchAll(/\]\(#evidence-([^)]+)\)/g)].map((m) => m[1]!);
    expect(
      links.filter((id) => !evidence.includes(id)),
      `content/${file}: links to evidence blocks not on the page`,
    ).toEqual([]);
  });
});
