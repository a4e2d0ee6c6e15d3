import { describe, expect, test } from 'vitest';
import { countSentences } from '~/build/content/sentences';

describe('countSentences', () => {
  test('counts sentences ended by . ! or ?', () => {
    expect(countSentences('One. Two! Three? Four.')).toBe(4);
  });
  test('does not end a sentence at an abbreviation, a decimal or a lowercase continuation', () => {
    expect(countSentences('Use e.g. LayerNorm here. It works.')).toBe(2);
    expect(countSentences('Xiong et al. Show it. Then more.')).toBe(2);
    expect(countSentences('The value 0.5 is half. Done.')).toBe(2);
  });
  test('counts an unterminated last sentence', () => {
    expect(countSentences('First. Then a second without a stop')).toBe(2);
  });
  test('an empty text has none', () => {
    expect(countSentences('   ')).toBe(0);
  });
  test('closing quotes and brackets stay with their sentence', () => {
    expect(countSentences('It says “add.” Then “norm.”')).toBe(2);
  });
});
