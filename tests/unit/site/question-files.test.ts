// The tests' reader of question sources: frontmatter read as YAML (flow or block lists, quoted or bare
// values alike), the body after the closing fence, and an error naming the file when there is no block.
import { describe, expect, test } from 'vitest';
import { parseQuestionFile, questionFiles } from '../question-files';

describe('parseQuestionFile', () => {
  test('flow and block lists, quoted and bare values read the same', () => {
    const flow = parseQuestionFile('a.mdx', '---\ncites: [Vas17, "He16a"]\ncreated: 2026-11-26\n---\nBody\n');
    const block = parseQuestionFile('b.mdx', '---\ncites:\n  - Vas17\n  - \'He16a\'\ncreated: "2026-11-26"\n---\nBody\n');
    expect(flow.frontmatter).toEqual({ cites: ['Vas17', 'He16a'], created: '2026-11-26' });
    expect(block.frontmatter).toEqual(flow.frontmatter);
    expect(flow).toMatchObject({ id: 'a', body: 'Body\n' });
  });
  test('Windows line ends', () => {
    expect(parseQuestionFile('c.mdx', '---\r\ndraft: true\r\n---\r\nBody')).toMatchObject({ frontmatter: { draft: true }, body: 'Body' });
  });
  test('no frontmatter block, or one that is not a mapping, names the file', () => {
    expect(() => parseQuestionFile('d.mdx', 'Just a body.\n')).toThrow(/^content\/d\.mdx: no frontmatter block/);
    expect(() => parseQuestionFile('e.mdx', '---\n- a\n- b\n---\n')).toThrow(/^content\/e\.mdx: the frontmatter is not a YAML mapping/);
  });
  test('every file in content/ reads, with a question', () => {
    const files = questionFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(typeof f.frontmatter.question, `content/${f.file}: question`).toBe('string');
  });
});
