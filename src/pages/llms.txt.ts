// /llms.txt: the site, its questions with their short answers, links to the Markdown twins.
import type { APIRoute } from 'astro';
import { getQuestions } from '~/build/content/questions';
import { questionFacts } from '~/build/reach/question-facts';
import { llmsTxt } from '~/build/reach/llms-txt';

export const GET: APIRoute = async ({ site }) =>
  new Response(llmsTxt((await getQuestions()).map(questionFacts), site!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
