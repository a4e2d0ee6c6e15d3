// dist/_headers, the headers file of common static hosts (Netlify and Cloudflare Pages read this format:
// a path pattern on its own line, then indented "Name: value" lines). Every response gets the header form of
// the site's CSP (headerPolicy(): with frame-ancestors, which a <meta> cannot carry); hashed assets
// (/_astro/*, names change with content) are cached for a year as immutable; HTML pages, listed one by one so
// no two rules give them a Cache-Control, and /sw.js are revalidated on every visit (no-cache), so a deploy
// shows on the next visit.
import { headerPolicy } from '~/build/csp';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export interface HeaderRule {
  path: string;
  headers: [string, string][];
}

/** `htmlUrls`: the URL path of every built page (/, /questions/x/, /404.html). */
export function headerRules(htmlUrls: readonly string[]): HeaderRule[] {
  const pages = htmlUrls.flatMap((url) => (url.endsWith('/') ? [url, `${url}index.html`] : [url]));
  return [
    {
      path: '/*',
      headers: [
        ['Content-Security-Policy', headerPolicy()],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ],
    },
    { path: '/_astro/*', headers: [['Cache-Control', IMMUTABLE]] },
    { path: '/sw.js', headers: [['Cache-Control', REVALIDATE]] },
    ...pages.map((path) => ({ path, headers: [['Cache-Control', REVALIDATE]] as [string, string][] })),
  ];
}

export function headersFile(rules: readonly HeaderRule[]): string {
  return `${rules.map((r) => [r.path, ...r.headers.map(([k, v]) => `  ${k}: ${v}`)].join('\n')).join('\n\n')}\n`;
}

/** Reads a _headers file back into rules (for tests, and to check what a host will see). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
      if (!m || !rules.length) throw new Error(`_headers: cannot read the line "${line}"`);
      rules.at(-1)!.headers.push([m[1]!.trim(), m[2]!.trim()]);
    }
  }
  return rules;
}
