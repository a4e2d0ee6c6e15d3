// The site's public address from the SITE_URL environment variable (default: the local preview address).
// Used by astro.config.mjs as `site`, from which canonical, Open Graph, sitemap, feed and llms.txt URLs follow.
export const DEFAULT_SITE_URL = 'http://localhost:4321';

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env['SITE_URL']?.trim();
  if (!raw) return DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL: "${raw}" is not an absolute URL (e.g. https://add-and-norm.example.org)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL: "${raw}" must start with https:// or http://`);
  if (url.search || url.hash) throw new Error(`SITE_URL: "${raw}" must not have a query or a fragment`);
  if (url.pathname !== '/') throw new Error(`SITE_URL: "${raw}" must be the root of a host (the site is built for /, not a sub-path)`);
  return url.origin;
}
