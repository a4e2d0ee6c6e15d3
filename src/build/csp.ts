// The site's Content Security Policy: only its own origin, plus what TF.js's WebAssembly needs
// ('wasm-unsafe-eval'). Every page carries it as the first <meta> of its <head> (src/layouts/Base.astro);
// `astro preview` also sends it as a header (astro.config.mjs), the only place frame-ancestors works.
//
// Why not Astro's own `security.csp`: it writes its <meta> at the end of <head>, after the theme script that
// must run before paint, and a policy governs only what follows it; and Astro inlines no script of its own
// here (all are bundled files, allowed by 'self'), so its hashes would add nothing.
import { createHash } from 'node:crypto';
import { THEME_SCRIPT } from './theme-script.ts';

/** The CSP source expression for an inline script or style with exactly this text. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** script-src: own files, WebAssembly compilation, and the one inline script by its hash. No 'unsafe-inline'. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'", sha256Source(THEME_SCRIPT)];

/** style-src: 'unsafe-inline' because Shiki writes style attributes, Astro inlines the page's CSS and
 * Observable Plot puts a <style> in each chart it draws in the page; styles cannot run code. */
export const STYLE_SOURCES = ["'self'", "'unsafe-inline'"];

const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:", // data: for images the charts may inline
  "font-src 'self'",
  "connect-src 'self'", // Pagefind's index and TF.js's .wasm are fetched from the site itself
  "worker-src 'self'", // the experiment worker and the service worker: both files of the site
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy of the <meta http-equiv="content-security-policy"> in every page. */
export function metaPolicy(): string {
  return [...COMMON_DIRECTIVES, `script-src ${SCRIPT_SOURCES.join(' ')}`, `style-src ${STYLE_SOURCES.join(' ')}`].join('; ');
}

/** The same policy as a header, for `astro preview` (a static host would configure the same), plus what a
 * <meta> cannot carry (frame-ancestors) and blob: for scripts: a header also governs the experiment worker,
 * which imports the reader's edited code as a blob: module. Pages still refuse blob: scripts, because they
 * enforce their <meta> policy too, and a document obeys every policy it has. */
export function headerPolicy(): string {
  return [
    ...COMMON_DIRECTIVES,
    `script-src ${[...SCRIPT_SOURCES, 'blob:'].join(' ')}`,
    `style-src ${STYLE_SOURCES.join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}
