// Every question file, drafts included (drafts are not built, so the build cannot catch them), uses only
// known papers and glossary terms in its body, and lists each paper it cites inline in its frontmatter.
import { describe, expect, test } from 'vitest';
import { bodyProblems } from '~/build/content/body-checks';
import { questionFiles } from '../question-files';

const files = questionFiles();

describe('question bodies', () => {
  test('there are question files', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  test.each(files.map((f) => [f.file, f] as const))(
    'content/%s cites known papers listed in its frontmatter and links known terms',
    (file, { id, body, frontmatter }) => {
      const { cites = [] } = frontmatter;
      expect(Array.isArray(cites) && cites.every((c) => typeof c === 'string'), `content/${file}: cites is a list of keys`).toBe(true);
      expect(bodyProblems({ id, body, data: { cites: cites as string[] } })).toEqual([]);
    },
  );
});
