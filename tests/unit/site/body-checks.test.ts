import { describe, expect, test } from 'vitest';
import { bodyProblems, citedInBody, sourceCodesInBody, termsInBody } from '~/build/content/body-checks';

const body = 'As shown <Cite k="Vas17" at="§3.1" />, the <Term id="causal-mask">mask</Term> and <Cite k=\'He16a\' />.';

describe('MDX body checks', () => {
  test('find the citation keys and glossary ids a body uses', () => {
    expect(citedInBody(body)).toEqual(['Vas17', 'He16a']);
    expect(termsInBody(body)).toEqual(['causal-mask']);
  });
  test('a body whose citations are all in the frontmatter has no problem', () => {
    expect(bodyProblems({ id: 'q', body, data: { cites: ['Vas17', 'He16a'] } })).toEqual([]);
  });
  test('a citation missing from the frontmatter names the file and the field', () => {
    expect(bodyProblems({ id: 'q', body, data: { cites: ['Vas17'] } })).toEqual([
      'content/q.mdx: <Cite k="He16a"> is not listed in the frontmatter field cites',
    ]);
  });
  test('an unknown paper or glossary term names the file and the key', () => {
    const problems = bodyProblems({ id: 'q', body: '<Cite k="Nope1" /> <Term id="nope">x</Term>', data: { cites: [] } });
    expect(problems[0]).toMatch(/^content\/q\.mdx: <Cite k="Nope1">: unknown citation key "Nope1"/);
    expect(problems[1]).toMatch(/^content\/q\.mdx: <Term id="nope">: unknown glossary term "nope"/);
  });
});

describe('<SourceCode> in a body', () => {
  test('finds each file and region, in either attribute order', () => {
    expect(sourceCodesInBody('<SourceCode file="src/lab/a.ts" region="r" />\n<SourceCode region=\'s\' file=\'src/lab/b.ts\' />')).toEqual([
      { file: 'src/lab/a.ts', region: 'r' },
      { file: 'src/lab/b.ts', region: 's' },
    ]);
  });
  test('a region that exists is no problem', () => {
    const body = '<SourceCode file="src/lab/connection.ts" region="wrap-sublayer" />';
    expect(bodyProblems({ id: 'q', body, data: { cites: [] } })).toEqual([]);
  });
  test('a missing region or file names the answer, the source file and the region', () => {
    const body = '<SourceCode file="src/lab/connection.ts" region="nope" />\n<SourceCode file="src/lab/gone.ts" region="x" />';
    expect(bodyProblems({ id: 'q', body, data: { cites: [] } })).toEqual([
      'content/q.mdx: <SourceCode file="src/lab/connection.ts" region="nope">: src/lab/connection.ts has no region "nope" (a line `// #region nope`)',
      'content/q.mdx: <SourceCode file="src/lab/gone.ts" region="x">: no source file src/lab/gone.ts (<SourceCode> shows files of src/lab/, named from the repository root)',
    ]);
  });
});
