// /feed.xml: new and updated answers (src/build/reach/feed.ts).
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getQuestions } from '~/build/content/questions';
import { feedOptions } from '~/build/reach/feed';

export const GET: APIRoute = async ({ site }) =>
  rss(
    feedOptions(
      (await getQuestions()).map((q) => ({ id: q.id, ...q.data })),
      site!,
    ),
  );
