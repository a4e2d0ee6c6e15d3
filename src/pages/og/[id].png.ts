// /og/<id>.png: the social card of each published question (src/build/reach/social-card.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getQuestions, type Question } from '~/build/content/questions';
import { firstSentence } from '~/build/reach/first-sentence';
import { SITE_NAME } from '~/data/site';
import { renderCard } from '~/build/reach/social-card';

export const getStaticPaths = (async () =>
  (await getQuestions()).map((q) => ({ params: { id: q.id }, props: { q } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const q = props.q as Question;
  const png = await renderCard({ siteName: SITE_NAME, question: q.data.question, line: firstSentence(q.data.short) });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
