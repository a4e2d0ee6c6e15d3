// /claims.json: every claim as data (src/build/reach/claims-document.ts).
import type { APIRoute } from 'astro';
import { getQuestions } from '~/build/content/questions';
import { claimsDocument } from '~/build/reach/claims-document';

export const GET: APIRoute = async ({ site }) => {
  const questions = (await getQuestions()).map((q) => ({ id: q.id, text: q.body ?? '' }));
  return new Response(`${JSON.stringify(claimsDocument(questions, site!), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
