// /llms-full.txt: the llms.txt header followed by every Markdown twin, in reading order.
import type { APIRoute } from 'astro';
import { getQuestions } from '~/build/content/questions';
import { questionFacts } from '~/build/reach/question-facts';
import { llmsFullTxt } from '~/build/reach/llms-txt';

export const GET: APIRoute = async ({ site }) =>
  new Response(llmsFullTxt((await getQuestions()).map(questionFacts), site!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
