// Which answers cite each paper, for the references page.
import type { Question } from './content/questions';

export function citingQuestions(key: string, published: readonly Question[]): Question[] {
  return published.filter((q) => (q.data.cites as readonly string[]).includes(key));
}
