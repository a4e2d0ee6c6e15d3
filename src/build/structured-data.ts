// schema.org QAPage JSON-LD for a question page: the question, and the short answer as its accepted answer.
// Search engines read it; browsers never run it (type="application/ld+json" is data, not script).

export interface QuestionFacts {
  question: string;
  short: string;
  created: Date;
  updated: Date;
  /** absolute URL of the question page */
  url: string;
}

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

export function qaPage(q: QuestionFacts): Record<string, unknown> {
  if (!q.question.trim()) throw new Error('qaPage: the question is empty');
  if (!q.short.trim()) throw new Error(`qaPage: the short answer of "${q.question}" is empty`);
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    url: q.url,
    mainEntity: {
      '@type': 'Question',
      name: q.question,
      text: q.question,
      answerCount: 1,
      dateCreated: isoDate(q.created),
      dateModified: isoDate(q.updated),
      acceptedAnswer: {
        '@type': 'Answer',
        text: q.short,
        url: q.url,
        dateCreated: isoDate(q.created),
        dateModified: isoDate(q.updated),
      },
    },
  };
}

/** JSON for an inline <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
