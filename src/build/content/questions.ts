// One place that loads the questions collection for every page: published entries only, in reading order,
// with the collection-wide checks a per-file schema cannot make (unique order, body citations and glossary
// terms that exist and are listed). Every error names the file.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { TopicId } from '~/data/topics';
import { bodyProblems } from './body-checks';

export type Question = CollectionEntry<'questions'>;

const fileOf = (q: Question) => `content/${q.id}.mdx`;

let cache: Promise<Question[]> | undefined;

/** Published questions sorted by `order`, checked collection-wide. */
export function getQuestions(): Promise<Question[]> {
  cache ??= (async () => {
    const all = await getCollection('questions');
    // `npm run dev` shows drafts so authors can read them; builds leave them out.
    const published = all.filter((q) => import.meta.env.DEV || !q.data.draft).sort((a, b) => a.data.order - b.data.order);
    const problems = published.flatMap(bodyProblems);
    const byOrder = new Map<number, Question>();
    for (const q of published) {
      const other = byOrder.get(q.data.order);
      if (other) problems.push(`${fileOf(q)}: order ${q.data.order} is already used by ${fileOf(other)}`);
      byOrder.set(q.data.order, q);
    }
    if (problems.length) throw new Error(`Invalid question content:\n  ${problems.join('\n  ')}`);
    return published;
  })();
  return cache;
}

/** The related questions of `q` that are published (a related draft is skipped: its page does not exist). */
export function relatedOf(q: Question, published: readonly Question[]): Question[] {
  return q.data.related.flatMap((id) => published.find((p) => p.id === id) ?? []);
}

export function inTopic(topic: TopicId, published: readonly Question[]): Question[] {
  return published.filter((q) => q.data.topics.includes(topic));
}

/** Questions filed under their first topic, for the home page (each question appears once). */
export function byPrimaryTopic(topic: TopicId, published: readonly Question[]): Question[] {
  return published.filter((q) => q.data.topics[0] === topic);
}

export const questionUrl = (id: string) => `/questions/${id}/`;
export const topicUrl = (id: string) => `/topics/${id}/`;
