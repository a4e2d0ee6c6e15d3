import { expect, test } from 'vitest';
import { jsonLdText, qaPage } from '~/build/structured-data';

const facts = {
  question: 'Why is there a residual connection?',
  short: 'So that each sublayer learns a change to its input.',
  created: new Date('2026-11-20T00:00:00Z'),
  updated: new Date('2026-11-26T00:00:00Z'),
  url: 'https://example.org/questions/why/',
};

test('a QAPage whose accepted answer is the short answer, with the dates as YYYY-MM-DD', () => {
  const data = qaPage(facts) as any;
  expect(data['@type']).toBe('QAPage');
  expect(data.mainEntity).toMatchObject({
    '@type': 'Question',
    name: facts.question,
    answerCount: 1,
    dateCreated: '2026-11-20',
    dateModified: '2026-11-26',
    acceptedAnswer: { '@type': 'Answer', text: facts.short, url: facts.url },
  });
});

test('an empty question or short answer is refused, naming what is missing', () => {
  expect(() => qaPage({ ...facts, short: ' ' })).toThrow(/short answer of "Why is there a residual connection\?" is empty/);
  expect(() => qaPage({ ...facts, question: '' })).toThrow(/question is empty/);
});

test('JSON-LD text cannot close its <script> element', () => {
  const text = jsonLdText({ text: 'a </script><script>alert(1)</script>' });
  expect(text).not.toContain('</script');
  expect(JSON.parse(text).text).toBe('a </script><script>alert(1)</script>');
});
