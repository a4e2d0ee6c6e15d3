// Runs a TypeScript entry point in Node through Vite's module runner, so Node scripts (the lab's CLI, the
// stored-run writer, the benchmarks) resolve modules exactly as the site and the tests do: the `~/` alias
// and the experiment registries' import.meta.glob. Usage: node scripts/vite-run.mjs <entry.ts> [args...]
// The entry does its work at top level (top-level await); the runner closes when the import settles.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/vite-run.mjs <entry.ts> [args...]');
  process.exit(2);
}
// As if Node ran the entry itself: argv[1] is the entry, its arguments follow.
process.argv.splice(1, 2, resolve(entry));

const server = await createServer({
  configFile: false,
  logLevel: 'warn',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
  resolve: { alias: { '~': fileURLToPath(new URL('../src', import.meta.url)) } },
});
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
try {
  await runner.import(resolve(entry));
} finally {
  await runner.close();
  await server.close();
}
