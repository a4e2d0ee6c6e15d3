// Every published answer backs its claims: at least two evidence blocks whose claims are in the registry, at
// least one verdict on the thread (right | partly | wrong), and every in-page link to an evidence block points
// at a block that is on the same page.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { claims } from '~/experiments';

const dir = resolve(import.meta.dirname, '../../../content');
const published = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .filter((f) => !/^draft:\s*true\s*$/m.test(readFileSync(resolve(dir, f), 'utf8')));
const known = new Set(claims.map((c) => c.id));

describe('answers and their evidence', () => {
  test('there are published answers', () => {
    expect(published.length).toBeGreaterThanOrEqual(10);
  });

  test.each(published)('content/%s has two or more registered evidence blocks and a verdict', (file) => {
    const body = readFileSync(resolve(dir, file), 'utf8');
    const evidence = [...body.matchAll(/<Evidence\s+claim="([^"]+)"/g)].map((m) => m[1]!);
    expect(evidence.filter((id) => !known.has(id)), `content/${file}: evidence for unregistered claims`).toEqual([]);
    expect(new Set(evidence).size, `content/${file}: distinct evidence blocks`).toBeGreaterThanOrEqual(2);
    const verdicts = [...body.matchAll(/<Verdict\s+v="([^"]*)"/g)].map((m) => m[1]!);
    expect(verdicts.length, `content/${file}: verdicts on the thread's claims`).toBeGreaterThanOrEqual(1);
    expect(verdicts.filter((v) => !['right', 'partly', 'wrong'].includes(v)), `content/${file}: verdict values`).toEqual([]);
    const links = [...body.matchAll(/\]\(#evidence-([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.filter((id) => !evidence.includes(id)), `content/${file}: links to evidence blocks not on the page`).toEqual([]);
  });
});
