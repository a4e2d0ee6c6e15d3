// The harness itself: the static server behaves like a plain static host, and a missing browser fails
// with instructions. Runs on a throwaway folder, so it needs neither a build nor Chromium.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './static-server.ts';
import { fileToUrl, findChrome } from './harness.ts';

describe('static server', () => {
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'static-server-'));
    mkdirSync(join(root, 'questions/q1'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, '404.html'), '<!doctype html><title>lost</title>');
    writeFileSync(join(root, 'questions/q1/index.html'), '<!doctype html><title>q1</title>');
    writeFileSync(join(root, 'a.wasm'), Buffer.from([0, 97, 115, 109]));
    writeFileSync(join(root, 'b.mjs'), 'export {}');
    writeFileSync(join(root, 'c.pf_meta'), 'x');
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['/a.wasm', 'application/wasm'],
    ['/b.mjs', 'text/javascript; charset=utf-8'],
    ['/', 'text/html; charset=utf-8'],
    ['/c.pf_meta', 'application/octet-stream'],
  ])('serves %s as %s', async (path, type) => {
    const res = await fetch(server.origin + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('serves a directory URL from its index.html and redirects the slashless form', async () => {
    expect(await (await fetch(server.origin + '/questions/q1/')).text()).toContain('<title>q1</title>');
    const res = await fetch(server.origin + '/questions/q1', { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/questions/q1/');
  });

  it('answers a missing file with 404.html and status 404', async () => {
    const res = await fetch(server.origin + '/no/such/page/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<title>lost</title>');
  });

  it('never serves files outside its root', async () => {
    const res = await fetch(server.origin + '/%2e%2e/%2e%2e/etc/passwd');
    expect(res.status).toBe(404);
  });

  it('guesses no extension and no index: /index and /questions/q1/index are missing files', async () => {
    for (const path of ['/index', '/questions/q1/index', '/404']) expect((await fetch(server.origin + path)).status, path).toBe(404);
  });

  it('keeps the query when it redirects a directory', async () => {
    const res = await fetch(server.origin + '/questions/q1?a=1', { redirect: 'manual' });
    expect(res.headers.get('location')).toBe('/questions/q1/?a=1');
  });

  it('serves HEAD without a body and refuses other methods', async () => {
    const head = await fetch(server.origin + '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(server.origin + '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('is never cached and serves a file changed after it started (a new deploy)', async () => {
    const first = await fetch(server.origin + '/');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.text()).toContain('<title>home</title>');
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home, deployed again</title>');
    writeFileSync(join(root, 'new.html'), '<!doctype html><title>new</title>');
    expect(await (await fetch(server.origin + '/')).text()).toContain('deployed again');
    expect((await fetch(server.origin + '/new.html')).status).toBe(200);
  });
});

describe('finding Chromium', () => {
  it('fails, naming the install command, when CHROME_PATH points nowhere', () => {
    expect(() => findChrome({ CHROME_PATH: '/nonexistent/chromium' })).toThrow(/apt-get install -y chromium.*CHROME_PATH/);
  });
  it('fails, naming the install command, when there is no CHROME_PATH and no Debian Chromium', () => {
    expect(() => findChrome({}, '/nonexistent/usr/bin/chromium')).toThrow(/apt-get install -y chromium, or set CHROME_PATH/);
  });
  it('uses CHROME_PATH when it exists', () => {
    expect(findChrome({ CHROME_PATH: process.execPath })).toBe(process.execPath);
  });
});

describe('page URLs', () => {
  it.each([
    ['index.html', '/'],
    ['questions/why-add-and-norm/index.html', '/questions/why-add-and-norm/'],
    ['404.html', '/404.html'],
  ])('%s is served at %s', (file, url) => expect(fileToUrl(file)).toBe(url));
});
