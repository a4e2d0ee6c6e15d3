// Argument parsing for `npm run lab -- ...`: pure (no I/O, no TF.js), so every message is unit-tested.
// A bad argument throws a UsageError whose message names the argument and what it allows; the CLI prints
// it and exits with code 2.
import { validateParams, type ParamSchema } from '../experiment/schema';
import type { BackendName } from '../experiment/types';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type Command =
  | { command: 'help' }
  | { command: 'list'; json: boolean }
  | {
      command: 'run';
      id: string;
      /** undefined: the experiment's default seed. */
      seed?: number;
      backend: BackendName;
      /** --set values as given (strings); validated against the experiment's schema. */
      set: Record<string, string>;
      json: boolean;
    };

/** What the parser needs to know about the experiments: ids and parameter schemas. */
export interface CatalogEntry {
  id: string;
  params: ParamSchema;
}

export const BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];
export const MAX_SEED = 2 ** 31 - 1;

export const USAGE = `Usage:
  npm run lab -- list [--json]
  npm run lab -- run <id> [--seed N] [--backend wasm|cpu] [--set key=value ...] [--json]
  npm run lab -- help`;

/** `--flag value` or `--flag=value`: returns the value and how many argv entries it used. */
function takeValue(argv: readonly string[], i: number, flag: string): { value: string; used: number } {
  const arg = argv[i]!;
  const eq = arg.indexOf('=');
  if (eq >= 0) return { value: arg.slice(eq + 1), used: 1 };
  const next = argv[i + 1];
  if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return { value: next, used: 2 };
}

function parseSeed(raw: string): number {
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n > MAX_SEED) throw new UsageError(`--seed got "${raw}"; allowed: an integer from 0 to ${MAX_SEED}`);
  return n;
}

function parseBackend(raw: string): BackendName {
  if (!(BACKENDS as readonly string[]).includes(raw)) throw new UsageError(`--backend got "${raw}"; allowed: ${BACKENDS.join('|')}`);
  return raw as BackendName;
}

function parseSet(raw: string, set: Record<string, string>): void {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set got "${raw}"; expected key=value`);
  set[raw.slice(0, eq).trim()] = raw.slice(eq + 1).trim();
}

/** Parses argv (without node and script) against the catalog of experiments. Throws UsageError. */
export function parseArgs(argv: readonly string[], catalog: readonly CatalogEntry[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'list') {
    let json = false;
    for (const arg of rest) {
      if (arg === '--json') json = true;
      else throw new UsageError(`unknown argument "${arg}" for list; allowed: --json`);
    }
    return { command: 'list', json };
  }
  if (command !== 'run') throw new UsageError(`unknown command "${command}"; allowed: list, run, help`);

  let id: string | undefined;
  let seed: number | undefined;
  let backend: BackendName = 'wasm';
  let json = false;
  const set: Record<string, string> = {};
  for (let i = 0; i < rest.length; ) {
    const arg = rest[i]!;
    const flag = arg.startsWith('--') ? arg.split('=')[0]! : null;
    if (flag === '--json' && !arg.includes('=')) {
      json = true;
      i++;
    } else if (flag === '--seed' || flag === '--backend' || flag === '--set') {
      const { value, used } = takeValue(rest, i, flag);
      if (flag === '--seed') seed = parseSeed(value);
      else if (flag === '--backend') backend = parseBackend(value);
      else parseSet(value, set);
      i += used;
    } else if (flag) {
      throw new UsageError(`unknown option "${flag}" for run; allowed: --seed, --backend, --set, --json`);
    } else if (id === undefined) {
      id = arg;
      i++;
    } else {
      throw new UsageError(`unexpected argument "${arg}": run takes one experiment id`);
    }
  }
  const ids = catalog.map((e) => e.id);
  if (id === undefined) throw new UsageError(`run needs an experiment id; known experiments: ${ids.join(', ')}`);
  const entry = catalog.find((e) => e.id === id);
  if (!entry) throw new UsageError(`unknown experiment "${id}"; known experiments: ${ids.join(', ')}`);
  const checked = validateParams(entry.params, set);
  if (!checked.ok) throw new UsageError(`--set for ${id}: ${checked.errors.join('; ')}`);
  return { command: 'run', id, seed, backend, set, json };
}
