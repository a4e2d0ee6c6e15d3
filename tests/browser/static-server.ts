// Serves a built site as plain static files, as any static host would: no rewrites, no SPA fallback,
// directory URLs map to index.html, a missing file gets dist/404.html with status 404.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** Content types by extension; Pagefind's own index files (.pf_*) fall back to octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:43817 (no trailing slash) */
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((req, res) => handle(base, req, res));
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

function handle(base: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end('bad URL encoding');
    return;
  }
  const target = resolve(join(base, pathname));
  if (target !== base && !target.startsWith(base + sep)) {
    notFound(base, req, res); // never serve outside the root
    return;
  }
  let file = target;
  if (existsSync(target) && statSync(target).isDirectory()) {
    if (!pathname.endsWith('/')) {
      // What static hosts do for a directory without its slash: redirect, so relative URLs resolve.
      res.writeHead(301, { location: url.pathname + '/' + url.search }).end();
      return;
    }
    file = join(target, 'index.html');
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    notFound(base, req, res);
    return;
  }
  send(res, req, 200, contentTypeFor(file), readFileSync(file));
}

function notFound(base: string, req: IncomingMessage, res: ServerResponse): void {
  const page = join(base, '404.html');
  if (existsSync(page)) send(res, req, 404, MIME_TYPES['.html']!, readFileSync(page));
  else send(res, req, 404, MIME_TYPES['.txt']!, Buffer.from('404: not found (and dist/404.html is missing)\n'));
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}
