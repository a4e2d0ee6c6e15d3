// llms.txt lists each question once with its twin; the feed has one item per question, newest update first.
import { describe, expect, test } from 'vitest';
import { feedOptions } from '~/build/reach/feed';
import { llmsTxt } from '~/build/reach/llms-txt';

const q = (id: string, updated: string) => ({
  id,
  question: `Why ${id}?`,
  short: `Because ${id}. Really.`,
  topics: ['residual'],
  cites: [],
  body: '',
  created: new Date('2026-01-01'),
  updated: new Date(updated),
});
const qs = [q('a', '2026-02-01'), q('b', '2026-03-01')];

describe('llms.txt', () => {
  test('title, summary, one line per question with its .md twin, then the optional files', () => {
    const text = llmsTxt(qs, 'https://example.org');
    expect(text).toMatch(/^# Add & Norm, measured\n\n> /);
    expect(text).toContain(
      '- [Why a?](https://example.org/questions/a.md): Because a. Really.\n- [Why b?](https://example.org/questions/b.md): Because b. Really.',
    );
    expect(text).toContain('## Optional');
    expect(text).toContain('(https://example.org/claims.json)');
  });
});

describe('feed', () => {
  test('one item per question, newest update first, dated by the frontmatter', () => {
    const options = feedOptions(qs, 'https://example.org');
    const items = options.items as { link: string; pubDate: Date; customData: string }[];
    expect(items.map((i) => i.link)).toEqual(['/questions/b/', '/questions/a/']);
    expect(items[0]!.pubDate).toEqual(new Date('2026-03-01'));
    expect(items[0]!.customData).toBe('<dcterms:created>2026-01-01</dcterms:created><dcterms:modified>2026-03-01</dcterms:modified>');
    expect(options.customData).toContain('<atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>');
  });
});
