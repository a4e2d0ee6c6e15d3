// Deploying to a real address: a build with SITE_URL set (into a temporary folder, so dist/ stays as it is)
// writes that address into canonical and Open Graph URLs, the sitemap, the feed, llms.txt and the twins, and
// no page, feed, twin or data file mentions localhost. ~20 s: one extra production build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness.ts';

const SITE_URL = 'https://add-and-norm.example.org';
const TEXT = /\.(html|md|txt|xml|json)$|(^|\/)_headers$/;
let out = '';

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'add-and-norm-site-url-'));
  const build = spawnSync(join(REPO_ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
    cwd: REPO_ROOT,
    env: { ...process.env, SITE_URL },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`astro build with SITE_URL failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const files = () =>
  (readdirSync(out, { recursive: true }) as string[])
    .map((f) => f.split(sep).join('/'))
    .filter((f) => TEXT.test(f) && !f.startsWith('pagefind/'));
const read = (f: string) => readFileSync(join(out, f), 'utf8');

describe(`a build with SITE_URL=${SITE_URL}`, () => {
  it('no page, twin, feed, sitemap or data file mentions localhost', () => {
    const all = files();
    expect(all.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
    expect(all.filter((f) => /localhost|127\.0\.0\.1/.test(read(f)))).toEqual([]);
  });
  it('canonical, og:url, og:image, sitemap, feed and llms.txt use the address', () => {
    const page = read('questions/why-add-and-norm/index.html');
    expect(page).toContain(`<link rel="canonical" href="${SITE_URL}/questions/why-add-and-norm/">`);
    expect(page).toContain(`<meta property="og:image" content="${SITE_URL}/og/why-add-and-norm.png">`);
    expect(read('sitemap-0.xml')).toContain(`<loc>${SITE_URL}/questions/why-add-and-norm/</loc>`);
    expect(read('feed.xml')).toContain(`<link>${SITE_URL}/questions/why-add-and-norm/</link>`);
    expect(read('llms.txt')).toContain(`(${SITE_URL}/questions/why-add-and-norm.md)`);
    expect(JSON.parse(read('claims.json')).site).toBe(`${SITE_URL}/`);
  });
});
