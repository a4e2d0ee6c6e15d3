// Serves a built site as plain static files, as any static host would: no rewrites, no SPA fallback,
// directory URLs map to index.html (the slashless form is redirected), a missing file gets dist/404.html
// with status 404. sirv does the serving (lookup under the root, headers, ranges, streaming); this module
// adds only the host rules sirv leaves to its caller.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { lookup } from 'mrmime';
import sirv from 'sirv';

/** mrmime's type (the one sirv uses), with a charset on text, and octet-stream for unknown extensions
 * (Pagefind's index files, .pf_*), where sirv would send an empty content-type. */
export function contentTypeFor(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  return /^text\/|^application\/json$/.test(type) ? `${type}; charset=utf-8` : type;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:43817 (no trailing slash) */
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const files = sirv(base, {
    // Looks files up on disk at each request (no listing made at start): the offline test deploys a
    // changed page into a folder whose server is already running.
    dev: true,
    // No guessing `/x` → `/x.html` or `/x/index`: only the `/dir/` → `/dir/index.html` rule below, as hosts do.
    extensions: [],
    setHeaders: (res, pathname) => res.setHeader('content-type', contentTypeFor(pathname)),
    onNoMatch: (req, res) => redirectOrNotFound(base, req, res),
  });
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // The raw path (not URL-normalized, so `..` stays visible to sirv's check that it stays under the root).
    const { path, query } = splitUrl(req.url);
    if (path.endsWith('/')) req.url = `${path}index.html${query}`;
    files(req, res);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function splitUrl(url = '/'): { path: string; query: string } {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q) };
}

/** No file at the URL: a directory without its slash is redirected (so relative URLs resolve), the rest
 * gets the site's 404 page. */
function redirectOrNotFound(base: string, req: IncomingMessage, res: ServerResponse): void {
  const { path, query } = splitUrl(req.url);
  if (!path.endsWith('/') && isDirectoryUnder(base, path)) {
    res.writeHead(301, { location: `${path}/${query}` }).end();
    return;
  }
  const page = join(base, '404.html');
  const body = existsSync(page) ? readFileSync(page) : Buffer.from('404: not found (and dist/404.html is missing)\n');
  res.writeHead(404, {
    'content-type': contentTypeFor(existsSync(page) ? page : 'x.txt'),
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(body); // Node leaves the body out of a HEAD response
}

function isDirectoryUnder(base: string, path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false; // bad percent-encoding names no directory
  }
  const target = resolve(join(base, decoded));
  return (target === base || target.startsWith(base + sep)) && existsSync(target) && statSync(target).isDirectory();
}
