// `npm run stored-runs [-- <id> ...]`: re-runs each experiment's default configuration (seed, WASM) and
// stores it with provenance in its folder, src/experiments/<folder>/stored-run.json. A progress line on a terminal, plain
// lines otherwise (CI logs).
import { writeFileSync } from 'node:fs';
import { folderFor } from '~/experiments';
import { recordStoredRun } from '~/experiments/record-stored-run';
import { experimentArgs } from './experiment-args';
import { formatJson, gitState, root } from './git-state';
import { progressPrinter } from './progress-printer';

async function main(): Promise<void> {
  const args = experimentArgs('stored-runs');
  if (!args) return;
  const ids = args.ids;
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
