// `npm run stored-runs [-- <id> ...]`: re-runs each experiment's default configuration (seed, WASM) and
// stores it with provenance in its folder, src/experiments/<folder>/stored-run.json. A progress line on a terminal, plain
// lines otherwise (CI logs).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { experimentIds, folderFor } from '~/experiments';
import { recordStoredRun } from '~/experiments/record-stored-run';
import type { Progress } from '~/lab/experiment/types';

const root = fileURLToPath(new URL('..', import.meta.url));

function gitState(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src/lab', 'src/experiments'], { cwd: root, encoding: 'utf8' });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

/** Two-space JSON with arrays of numbers kept on one line, so curves do not take a line per number. */
function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s*((?:-?[\d.e+-]+|null)(?:,\s*(?:-?[\d.e+-]+|null))*)\s*\]/g, (_m, body: string) =>
    `[${body.split(/,\s*/).join(', ')}]`,
  );
}

function progressPrinter(label: string): { update: (p: Progress) => void; done: (text: string) => void } {
  const tty = process.stdout.isTTY;
  let lastLine = 0;
  let lastFraction = -1;
  return {
    update(p) {
      const pct = `${Math.round(p.fraction * 100)}%`.padStart(4);
      if (tty) {
        const line = `${label} ${pct} ${p.message}`;
        process.stdout.write(`\r\x1b[2K${line.slice(0, (process.stdout.columns || 100) - 1)}`);
      } else if (p.fraction - lastFraction >= 0.1 || performance.now() - lastLine > 10_000) {
        // Plain lines: at most one per 10% or per 10 s, so logs stay readable.
        lastFraction = p.fraction;
        lastLine = performance.now();
        console.log(`${label} ${pct} ${p.message}`);
      }
    },
    done(text) {
      if (tty) process.stdout.write('\r\x1b[2K');
      console.log(`${label} ${text}`);
    },
  };
}

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
