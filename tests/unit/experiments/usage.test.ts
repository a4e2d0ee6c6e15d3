import { describe, expect, test } from 'vitest';
import { findClaimUsages } from '../../../src/lab/claims/usage';

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
