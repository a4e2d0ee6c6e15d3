// A published question as the plain facts the twins, llms.txt, the feed, the citation and the card need.
import type { Question } from '~/build/content/questions';
import type { QuestionFacts } from './question-markdown';

export function questionFacts(q: Question): QuestionFacts & { created: Date } {
  return {
    id: q.id,
    question: q.data.question,
    short: q.data.short,
    created: q.data.created,
    updated: q.data.updated,
    cites: q.data.cites,
    body: q.body ?? '',
  };
}
