// `npm run stored-runs [-- <id> ...]`: re-runs each experiment's default configuration (seed, WASM) and
// stores it with provenance in its folder, src/experiments/<folder>/stored-run.json. A progress line on a terminal, plain
// lines otherwise (CI logs).
import { writeFileSync } from 'node:fs';
import { experimentIds, folderFor } from '~/experiments';
import { recordStoredRun } from '~/experiments/record-stored-run';
import { formatJson, gitState, root } from './git-state';
import { progressPrinter } from './progress-printer';

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`usage: npm run stored-runs [-- <id> ...]\nexperiments: ${experimentIds.join(', ')} (default: all)`);
    return;
  }
  const unknown = args.filter((a) => !experimentIds.includes(a));
  if (unknown.length) {
    console.error(`unknown experiment id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; allowed: ${experimentIds.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const ids = args.length ? args : [...experimentIds];
  const commit = gitState();
  for (const [i, id] of ids.entries()) {
    const printer = progressPrinter(`[${i + 1}/${ids.length} ${id}]`);
    const ref = await recordStoredRun(id, { commit, onProgress: printer.update });
    const file = `${folderFor(id)}/stored-run.json`;
    writeFileSync(`${root}${file}`, `${formatJson(ref)}\n`);
    const p = ref.provenance;
    printer.done(`wrote ${file} (seed ${p.seed}, ${p.backend}, tfjs ${p.tfjsVersion}, ${(p.durationMs / 1000).toFixed(1)} s)`);
  }
}

await main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
