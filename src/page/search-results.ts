// Pure helpers for the search dialog (unit-tested in Node): keep only Pagefind's <mark> tags in an excerpt,
// escape text for HTML, and shape a Pagefind result into what the dialog shows.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Pagefind's excerpts are HTML-escaped text with <mark> around matches. Trust nothing else: every tag but a
 * bare <mark> or </mark> is escaped, and stray ampersands are too.
 */
export function sanitizeExcerpt(excerpt: string): string {
  return excerpt
    .replace(/&(?!(?:amp|lt|gt|quot|#39|#x27|#\d+);)/g, '&amp;')
    .replace(/<(?!\/?mark>)/g, '&lt;')
    .replace(/(?<!<\/?mark)>/g, '&gt;');
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface SearchHit {
  url: string;
  /** Plain text (escape before use). */
  question: string;
  /** Plain text (escape before use). */
  short: string;
  /** Sanitised HTML: text with <mark> only. */
  excerptHtml: string;
}

export function toHit(data: PagefindResultData): SearchHit {
  return {
    url: data.url,
    question: data.meta['title'] ?? data.url,
    short: data.meta['short'] ?? '',
    excerptHtml: sanitizeExcerpt(data.excerpt),
  };
}
