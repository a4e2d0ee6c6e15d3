// The <title> of a page: "Page · Site" when that fits in 70 characters (longer titles get cut off in tabs
// and results, and html-validate's long-title rule rejects them), else the page title alone, shortened at a
// word boundary if it still does not fit.
export const TITLE_MAX = 70;

/** Length as written in HTML, where a quote or an ampersand becomes an entity such as &#39;. */
const htmlLength = (s: string) => s.replace(/['"&<>]/g, '&#39;').length;

export function documentTitle(title: string, site: string): string {
  if (title === site) return site;
  const full = `${title} · ${site}`;
  if (htmlLength(full) <= TITLE_MAX) return full;
  if (htmlLength(title) <= TITLE_MAX) return title;
  const room = TITLE_MAX - 1 - (htmlLength(title) - title.length);
  const cut = title.slice(0, room);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_MAX / 2)).replace(/[\s,;:]+$/, '')}…`;
}
