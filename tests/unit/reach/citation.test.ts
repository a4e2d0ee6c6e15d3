// "Cite this answer": BibTeX escapes TeX's special characters and carries the permalink and update date.
import { describe, expect, test } from 'vitest';
import { bibtex, bibtexEscape, plainCitation } from '~/build/reach/citation';

const answer = {
  id: 'why-add-and-norm',
  question: 'Why Add & Norm at 100% of layers_?',
  updated: new Date('2026-11-26'),
  url: 'https://example.org/questions/why-add-and-norm/',
  siteName: 'Add & Norm, measured',
};

describe('citation', () => {
  test('bibtexEscape escapes TeX specials', () => {
    expect(bibtexEscape('a & b % c $ d # e _ f {g} ~ ^ \\')).toBe(
      'a \\& b \\% c \\$ d \\# e \\_ f \\{g\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });
  test('BibTeX entry: site as author, protected title, year, month, permalink, updated date', () => {
    expect(bibtex(answer)).toBe(
      [
        '@misc{addnorm:why-add-and-norm:2026,',
        '  author = {{Add \\& Norm, measured}},',
        '  title = {{Why Add \\& Norm at 100\\% of layers\\_?}},',
        '  year = {2026},',
        '  month = nov,',
        '  url = {https://example.org/questions/why-add-and-norm/},',
        '  note = {Last updated 2026-11-26}',
        '}',
      ].join('\n'),
    );
  });
  test('plain citation', () => {
    expect(plainCitation(answer)).toBe(
      'Add & Norm, measured. “Why Add & Norm at 100% of layers_?” Last updated 26 November 2026. https://example.org/questions/why-add-and-norm/',
    );
  });
});
