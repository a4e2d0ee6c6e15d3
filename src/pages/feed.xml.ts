// /feed.xml: new and updated answers (src/lib/reach/feed.ts).
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getQuestions } from '../lib/site/questions';
import { feedOptions } from '../lib/reach/feed';

export const GET: APIRoute = async ({ site }) =>
  rss(feedOptions((await getQuestions()).map((q) => ({ id: q.id, ...q.data })), site!));
