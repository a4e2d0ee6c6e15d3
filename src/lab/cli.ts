// `npm run lab -- list [--json]` and `npm run lab -- run <id> [--seed N] [--backend wasm|cpu]
// [--set key=value ...] [--json]`. Results go to stdout; progress goes to stderr (a live line on a
// terminal, plain lines otherwise), so `--json` output can be piped. Bad arguments exit with code 2;
// Ctrl-C aborts the run through its AbortSignal (a second Ctrl-C exits at once).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { experiments, listExperiments, resolveParams, getExperiment } from '~/experiments';
import { listClaims } from '~/experiments';
import type { ParamSchema, ParamValues } from './experiment/schema';
import type { Progress } from './experiment/types';
import { parseArgs, UsageError, USAGE, type Command } from './cli/args';
import { formatList, formatProgress, formatRun, type RunOutput } from './cli/format';

const root = fileURLToPath(new URL('../..', import.meta.url));

function gitState(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src/lab'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

function progressPrinter(id: string): { update: (p: Progress) => void; clear: () => void } {
  const err = process.stderr;
  const tty = err.isTTY;
  let lastFraction = -1;
  let lastLine = 0;
  return {
    update(p) {
      const line = formatProgress(id, p.fraction, p.message);
      if (tty) err.write(`\r\x1b[2K${line.slice(0, (err.columns || 100) - 1)}`);
      else if (p.fraction - lastFraction >= 0.1 || performance.now() - lastLine > 10_000) {
        // Plain lines: at most one per 10% or per 10 s.
        lastFraction = p.fraction;
        lastLine = performance.now();
        err.write(`${line}\n`);
      }
    },
    clear() {
      if (tty) err.write('\r\x1b[2K');
    },
  };
}

async function run(cmd: Extract<Command, { command: 'run' }>): Promise<number> {
  const exp = getExperiment(cmd.id);
  const params = resolveParams(cmd.id, cmd.set);
  const seed = cmd.seed ?? exp.defaultSeed;
  const { initBackend } = await import('./backend'); // TF.js loads only for a run, never for list
  const info = await initBackend({ prefer: cmd.backend });
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\n${cmd.id}: aborting (Ctrl-C again to quit at once)\n`);
    controller.abort(new Error('interrupted by Ctrl-C'));
  };
  process.on('SIGINT', onSigint);
  const printer = progressPrinter(cmd.id);
  const started = performance.now();
  let measurements;
  try {
    measurements = await exp.run(params as ParamValues<ParamSchema>, {
      seed,
      backend: cmd.backend,
      signal: controller.signal,
      onProgress: printer.update,
    });
  } catch (err) {
    printer.clear();
    if (controller.signal.aborted) {
      process.stderr.write(`${cmd.id}: aborted\n`);
      return 130;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
  printer.clear();
  if (controller.signal.aborted) {
    process.stderr.write(`${cmd.id}: aborted; partial measurements are not printed\n`);
    return 130;
  }
  const out: RunOutput = {
    provenance: {
      experiment: cmd.id,
      seed,
      backend: info.backend,
      ...(info.fallbackReason ? { fallbackReason: info.fallbackReason } : {}),
      tfjsVersion: info.tfjsVersion,
      date: new Date().toISOString(),
      params,
      ...gitState(),
      durationMs: Math.round(performance.now() - started),
      runtime: `node v${process.versions.node}`,
    },
    measurements,
  };
  process.stdout.write(`${cmd.json ? JSON.stringify(out, null, 2) : formatRun(out)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseArgs(argv[0] === '--' ? argv.slice(1) : argv, experiments);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`lab: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (cmd.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (cmd.command === 'list') {
    const listing = { experiments: listExperiments(), claims: listClaims() };
    process.stdout.write(`${cmd.json ? JSON.stringify(listing, null, 2) : formatList(listing)}\n`);
    return 0;
  }
  return run(cmd);
}

await main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`lab: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
