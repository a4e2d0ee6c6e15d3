// The evidence block's parameters live in the page URL (`?<claim-id>.<param>=value`), so a run can be shared
// as a link; a bad value in the link falls back to the defaults and says which parameter was wrong.
import { validateParams, defaultParams, type ParamSchema } from '~/lab/experiment/schema';

export interface UrlState {
  values: Record<string, unknown>;
  seed: number;
  /** Set when the link carried settings that were not valid: what was wrong, in words. */
  notice?: string;
}

const SEED_MAX = 2 ** 31 - 1;

/** Parses a seed typed by a reader or found in a URL; undefined when it is not a non-negative integer. */
export function parseSeed(raw: string | null | undefined): number | undefined {
  if (raw == null || !/^\d{1,10}$/.test(raw.trim())) return undefined;
  const n = Number(raw);
  return n <= SEED_MAX ? n : undefined;
}

export function seedError(raw: string): string {
  return `seed got "${raw}"; allowed: an integer from 0 to ${SEED_MAX}`;
}

/** Reads one block's state (prefix = its claim id) from a query string; invalid state → defaults + notice. */
export function readUrlState(search: string, prefix: string, schema: ParamSchema, defaultSeed: number): UrlState {
  const query = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  let rawSeed: string | undefined;
  for (const [key, value] of query) {
    if (!key.startsWith(prefix + '.')) continue;
    const name = key.slice(prefix.length + 1);
    if (name === 'seed') rawSeed = value;
    else raw[name] = value;
  }
  const errors: string[] = [];
  const checked = validateParams(schema, raw);
  if (!checked.ok) errors.push(...checked.errors);
  const seed = rawSeed === undefined ? defaultSeed : parseSeed(rawSeed);
  if (seed === undefined) errors.push(seedError(rawSeed!));
  if (errors.length === 0 && checked.ok) return { values: checked.values, seed: seed! };
  return {
    values: defaultParams(schema),
    seed: defaultSeed,
    notice: `The link's settings were not valid (${errors.join('; ')}), so the defaults are shown.`,
  };
}

function encode(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Writes one block's state into a query string, leaving other keys alone and omitting default values. */
export function writeUrlState(
  search: string,
  prefix: string,
  schema: ParamSchema,
  defaultSeed: number,
  values: Record<string, unknown>,
  seed: number,
): string {
  const query = new URLSearchParams(search);
  for (const key of [...query.keys()]) if (key.startsWith(prefix + '.')) query.delete(key);
  const defaults = defaultParams(schema) as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    if (encode(value) !== encode(defaults[name])) query.set(`${prefix}.${name}`, encode(value));
  }
  if (seed !== defaultSeed) query.set(`${prefix}.seed`, String(seed));
  const out = query.toString();
  return out ? `?${out}` : '';
}
