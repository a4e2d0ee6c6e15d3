import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { claimRange, findVerdicts, groupByClaim } from '~/build/content/verdict-usage';

const one = `Text.

<Verdict v="partly" claim="(b)" quote="Normalization brings the gradients “back into the fold”, it's said.">
Why, with <Cite k="Xio20" />.
</Verdict>

<Verdict claim='(a)' v='wrong'>No quote.</Verdict>`;
const two = `<Verdict
  v={"right"}
  claim="(b)"
  quote="Another wording."
>
ok
</Verdict>`;

describe('verdicts read from MDX bodies', () => {
  test('each verdict with its question, value, quote and anchor, in order of appearance', () => {
    expect(findVerdicts([{ id: 'q1', text: one }])).toEqual([
      {
        question: 'q1',
        claim: '(b)',
        v: 'partly',
        quote: "Normalization brings the gradients “back into the fold”, it's said.",
        anchor: 'claim-b',
      },
      { question: 'q1', claim: '(a)', v: 'wrong', anchor: 'claim-a' },
    ]);
  });
  test('attributes over several lines and in braces', () => {
    expect(findVerdicts([{ id: 'q2', text: two }])).toEqual([
      { question: 'q2', claim: '(b)', v: 'right', quote: 'Another wording.', anchor: 'claim-b' },
    ]);
  });
  test('grouped by claim letter, each claim with the verdicts of every page', () => {
    const groups = groupByClaim(
      findVerdicts([
        { id: 'q1', text: one },
        { id: 'q2', text: two },
      ]),
    );
    expect(groups.map((g) => [g.claim, g.verdicts.map((v) => `${v.question}:${v.v}`)])).toEqual([
      ['(a)', ['q1:wrong']],
      ['(b)', ['q1:partly', 'q2:right']],
    ]);
    expect(claimRange(groups)).toBe('(a) to (b)');
  });
  test('a bad verdict value or an unreadable tag names the file', () => {
    expect(() => findVerdicts([{ id: 'bad', text: '<Verdict v="maybe" claim="(a)">x</Verdict>' }])).toThrow(
      /^content\/bad\.mdx: Verdict: v="maybe"/,
    );
    expect(() => findVerdicts([{ id: 'bad', text: '<Verdict v="right" claim={letter}>x</Verdict>' }])).toThrow(
      /^content\/bad\.mdx: 1 <Verdict> tag/,
    );
    expect(() => findVerdicts([{ id: 'bad', text: '<Verdict v="right">x</Verdict>' }])).toThrow(/without claim/);
  });
  test('every verdict of the real answers is read, with a letter and a quote', () => {
    const dir = resolve(import.meta.dirname, '../../../content');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => ({ id: f.replace(/\.mdx$/, ''), text: readFileSync(resolve(dir, f), 'utf8') }));
    const verdicts = findVerdicts(files);
    const tags = files.reduce((n, f) => n + (f.text.match(/<Verdict\b/g) ?? []).length, 0);
    expect(verdicts.length).toBe(tags);
    for (const v of verdicts) {
      expect(v.claim, `content/${v.question}.mdx`).toMatch(/^\([a-z]\)$/);
      expect(v.quote, `content/${v.question}.mdx ${v.claim}`).toBeTruthy();
    }
  });
});
