// The answers as an RSS 2.0 feed (@astrojs/rss): one item per published question, newest update first, dated
// by the frontmatter: pubDate and dcterms:modified are `updated`, dcterms:created is `created`.
import type { RSSOptions } from '@astrojs/rss';
import { SITE_NAME, SITE_SUMMARY } from '~/data/site';

export interface FeedQuestion {
  id: string;
  question: string;
  short: string;
  topics: readonly string[];
  created: Date;
  updated: Date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function feedOptions(questions: readonly FeedQuestion[], site: string | URL): RSSOptions {
  const sorted = [...questions].sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.id.localeCompare(b.id));
  const latest = sorted[0]?.updated;
  return {
    title: SITE_NAME,
    description: SITE_SUMMARY,
    site: new URL('/', site).href,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dcterms: 'http://purl.org/dc/terms/' },
    customData: [
      '<language>en-gb</language>',
      `<atom:link href="${new URL('/feed.xml', site).href}" rel="self" type="application/rss+xml"/>`,
      latest ? `<lastBuildDate>${latest.toUTCString()}</lastBuildDate>` : '',
    ].join(''),
    items: sorted.map((q) => ({
      title: q.question,
      link: `/questions/${q.id}/`,
      pubDate: q.updated,
      description: q.short,
      categories: [...q.topics],
      customData: `<dcterms:created>${day(q.created)}</dcterms:created><dcterms:modified>${day(q.updated)}</dcterms:modified>`,
    })),
  };
}
