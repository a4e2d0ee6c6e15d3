// /questions/<id>.md: the Markdown twin of each published question (src/build/reach/question-markdown.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getQuestions } from '~/build/content/questions';
import { questionFacts } from '~/build/reach/question-facts';
import { questionMarkdown } from '~/build/reach/question-markdown';

export const getStaticPaths = (async () =>
  (await getQuestions()).map((q) => ({ params: { id: q.id }, props: { q } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(questionMarkdown(questionFacts(props.q as Awaited<ReturnType<typeof getQuestions>>[number]), site!), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
