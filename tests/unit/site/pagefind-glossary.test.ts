import { expect, test } from 'vitest';
import { glossary } from '../../../src/data/glossary';
import { glossaryRecords } from '~/build/integrations/pagefind-glossary';
import { SEARCH_EXCLUDED } from '~/build/integrations/search-excluded';

test('every glossary entry becomes one search record at /glossary/#<id>, with its other names', () => {
  const records = glossaryRecords();
  expect(records.map((r) => r.url)).toEqual(glossary.map((e) => `/glossary/#${e.id}`));
  for (const [i, r] of records.entries()) {
    const e = glossary[i]!;
    expect(r.meta).toEqual({ title: e.term, kind: 'glossary' });
    expect(r.filters).toEqual({ kind: ['glossary'] });
    expect(r.content).toContain(e.definition);
    for (const name of e.aka ?? []) expect(r.content).toContain(name);
  }
});

test('the index leaves out evidence blocks, code, heading anchors and TeX annotations', () => {
  for (const s of ['evidence-block', 'pre', 'a.anchor', 'annotation']) expect(SEARCH_EXCLUDED).toContain(s);
});
