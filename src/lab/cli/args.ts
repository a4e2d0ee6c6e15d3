// Argument parsing for `npm run lab -- ...`: pure (no I/O, no TF.js), so every message is unit-tested.
// Node's own `parseArgs` (node:util) splits argv into tokens (`--flag value`, `--flag=value`, the `--`
// terminator, positionals); this module only checks the tokens, so each bad argument gets a message that
// names it and what it allows (Node's strict mode would throw its own wording, without the allowed values).
// The CLI prints the UsageError and exits with code 2.
import { parseArgs as tokenize } from 'node:util';
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

const LIST_OPTIONS = { json: { type: 'boolean' } } as const;
const RUN_OPTIONS = {
  seed: { type: 'string' },
  backend: { type: 'string' },
  set: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

type Token = NonNullable<ReturnType<typeof tokenize>['tokens']>[number];
type OptionToken = Extract<Token, { kind: 'option' }>;

/**
 * Non-strict tokenizing: unknown options and missing values come back as tokens instead of Node's errors,
 * so the checks below can word them. A string option followed by another `--option` would take it as its
 * value; that is reported as a missing value (as `--set --json` almost certainly means).
 */
function tokens(args: readonly string[], options: typeof LIST_OPTIONS | typeof RUN_OPTIONS): Token[] {
  return tokenize({ args: [...args], options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

function valueOf(token: OptionToken): string {
  const { value, inlineValue } = token;
  if (value === undefined || (!inlineValue && value.startsWith('--'))) throw new UsageError(`${token.rawName} needs a value`);
  return value;
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

function parseList(rest: readonly string[]): Command {
  let json = false;
  for (const token of tokens(rest, LIST_OPTIONS)) {
    if (token.kind === 'option' && token.name === 'json' && token.value === undefined) json = true;
    // The argument as typed (e.g. `--jsn=1`, not just `--jsn`), so the reader recognises it.
    else throw new UsageError(`unknown argument "${rest[token.index]}" for list; allowed: --json`);
  }
  return { command: 'list', json };
}

function parseRun(rest: readonly string[], catalog: readonly CatalogEntry[]): Command {
  let id: string | undefined;
  let seed: number | undefined;
  let backend: BackendName = 'wasm';
  let json = false;
  const set: Record<string, string> = {};
  for (const token of tokens(rest, RUN_OPTIONS)) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (id !== undefined) throw new UsageError(`unexpected argument "${token.value}": run takes one experiment id`);
      id = token.value;
    } else if (token.name === 'json' && token.value === undefined) json = true;
    else if (token.name === 'json') throw new UsageError(`--json got "${token.value}"; allowed: no value`);
    else if (token.name === 'seed') seed = parseSeed(valueOf(token));
    else if (token.name === 'backend') backend = parseBackend(valueOf(token));
    else if (token.name === 'set') parseSet(valueOf(token), set);
    else throw new UsageError(`unknown option "${token.rawName}" for run; allowed: --seed, --backend, --set, --json`);
  }
  const ids = catalog.map((e) => e.id);
  if (id === undefined) throw new UsageError(`run needs an experiment id; known experiments: ${ids.join(', ')}`);
  const entry = catalog.find((e) => e.id === id);
  if (!entry) throw new UsageError(`unknown experiment "${id}"; known experiments: ${ids.join(', ')}`);
  const checked = validateParams(entry.params, set);
  if (!checked.ok) throw new UsageError(`--set for ${id}: ${checked.errors.join('; ')}`);
  return { command: 'run', id, seed, backend, set, json };
}

/** Parses argv (without node and script) against the catalog of experiments. Throws UsageError. */
export function parseArgs(argv: readonly string[], catalog: readonly CatalogEntry[]): Command {
  // The command is always the first word (never found among the options), as in `git` or `npm`.
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'list') return parseList(rest);
  if (command === 'run') return parseRun(rest, catalog);
  throw new UsageError(`unknown command "${command}"; allowed: list, run, help`);
}
