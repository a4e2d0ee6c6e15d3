import { describe, expect, test } from 'vitest';
import { evidenceClaims, findClaimUsages } from '~/build/content/claim-usage';

describe('evidenceClaims', () => {
  test('every quoting style and attribute order, in order of appearance, repeats kept', () => {
    const text = `<Evidence claim="e1-a" /> <Evidence id="x"\n  claim='e2-b' /> <Evidence claim={"e3-c"} /> <Evidence claim="e1-a" />`;
    expect(evidenceClaims(text)).toEqual(['e1-a', 'e2-b', 'e3-c', 'e1-a']);
  });
  test('other components and bare attributes are not evidence', () => {
    expect(evidenceClaims('<Evidences claim="e9-z" /> <Verdict claim="(a)" /> claim="e9-z"')).toEqual([]);
  });
});

describe('findClaimUsages', () => {
  test('finds each <Evidence claim> in each question, in any attribute order and quote style', () => {
    const usages = findClaimUsages([
      { id: 'b-question', text: 'text <Evidence claim="e1-x" />\n<Evidence id="y" claim=\'e3-y\' />' },
      { id: 'a-question', text: '<Evidence\n  claim="e1-x"\n/> and again <Evidence claim="e1-x" />' },
      { id: 'c-question', text: 'no evidence; <Evidences claim="e9-z" /> is another component; claim="e9-z" alone is text' },
    ]);
    expect(Object.fromEntries(usages)).toEqual({ 'e1-x': ['a-question', 'b-question'], 'e3-y': ['b-question'] });
  });
});

import { flattenMeasurements } from '~/lab/experiment/flatten';

describe('flattenMeasurements', () => {
  test('paths, 3 significant digits, short lists in full, long lists summarized', () => {
    const rows = flattenMeasurements({
      a: 1.23456,
      b: { c: [1, 2.5e-7] },
      d: Array.from({ length: 20 }, (_, i) => i),
      e: [{ f: 'x' }],
      g: null,
    });
    expect(rows).toEqual([
      { path: 'a', value: '1.23' },
      { path: 'b › c', value: '1, 2.50e-7' },
      { path: 'd', value: '20 values: 0 … 19' },
      { path: 'e › 1 › f', value: 'x' },
      { path: 'g', value: '—' },
    ]);
  });
});
