// /claims.schema.json: the JSON Schema of /claims.json (src/build/reach/claims.schema.json), with its address as $id.
import type { APIRoute } from 'astro';
import schema from '~/build/reach/claims.schema.json';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify({ $id: new URL('/claims.schema.json', site).href, ...schema }, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
