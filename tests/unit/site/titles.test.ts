import { expect, test } from 'vitest';
import { documentTitle, TITLE_MAX } from '~/build/titles';

test('a short page title gets the site name', () => {
  expect(documentTitle('Glossary', 'Add & Norm, measured')).toBe('Glossary · Add & Norm, measured');
});
test('the home page is just the site name', () => {
  expect(documentTitle('Site', 'Site')).toBe('Site');
});
test('a long question is shortened at a word boundary to fit', () => {
  const q = 'Why is there a residual connection around each sublayer, followed by layer normalization, in the decoder?';
  const t = documentTitle(q, 'Add & Norm, measured');
  expect(t.length).toBeLessThanOrEqual(TITLE_MAX);
  expect(t).toBe('Why is there a residual connection around each sublayer, followed by…');
});
test('characters written as entities count at their written length', () => {
  const t = documentTitle("What is teacher forcing, and is shifting the decoder's input right the same thing?", 'S');
  expect(t.replace(/'/g, '&#39;').length).toBeLessThanOrEqual(TITLE_MAX);
});
