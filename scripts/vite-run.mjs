// Runs a TypeScript entry point in Node through Vite's module runner, so Node scripts (the lab's CLI, the
// stored-run writer, the benchmarks) resolve modules exactly as the site and the tests do: the `~/` alias
// and the experiment registries' import.meta.glob. Usage: node scripts/vite-run.mjs <entry.ts> [args...]
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const [entry] = process.argv.splice(2, 1); // the entry sees only its own arguments in process.argv.slice(2)
if (!entry) {
  console.error('usage: node scripts/vite-run.mjs <entry.ts> [args...]');
  process.exit(2);
}
await runnerImport(entry.startsWith('.') || entry.startsWith('/') ? entry : `./${entry}`, {
  configFile: false,
  logLevel: 'warn',
  resolve: { alias: { '~': fileURLToPath(new URL('../src', import.meta.url)) } },
});
