// Typed experiment parameters: one schema drives defaults, validation messages, the CLI's --set and the
// page's form, so a bad value is rejected with the same clear message everywhere.

export interface IntParam {
  type: 'int';
  label: string;
  default: number;
  min: number;
  max: number;
  step?: number;
  unit?: string;
}

export interface NumberParam {
  type: 'number';
  label: string;
  default: number;
  min: number;
  max: number;
  step?: number;
  unit?: string;
}

export interface EnumParam<V extends string = string> {
  type: 'enum';
  label: string;
  default: V;
  values: readonly V[];
}

export interface BooleanParam {
  type: 'boolean';
  label: string;
  default: boolean;
}

/** A list of ints (e.g. the depths of a sweep), each within [min, max]. */
export interface IntListParam {
  type: 'int[]';
  label: string;
  default: readonly number[];
  min: number;
  max: number;
  maxLength: number;
  unit?: string;
}

export type ParamSpec = IntParam | NumberParam | EnumParam | BooleanParam | IntListParam;
export type ParamSchema = Record<string, ParamSpec>;

type ValueOf<S extends ParamSpec> = S extends IntParam | NumberParam
  ? number
  : S extends EnumParam<infer V>
    ? V
    : S extends BooleanParam
      ? boolean
      : S extends IntListParam
        ? number[]
        : never;

/** The plain values a schema describes, e.g. `{ layers: number, norm: 'pre' | 'post' }`. */
export type ParamValues<S extends ParamSchema> = { [K in keyof S]: ValueOf<S[K]> };

export type Validation<S extends ParamSchema> = { ok: true; values: ParamValues<S> } | { ok: false; errors: string[] };

/** The default value of every parameter. */
export function defaultParams<S extends ParamSchema>(schema: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    out[key] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  }
  return out as ParamValues<S>;
}

/** What a parameter accepts, in words, for error messages and help text. */
export function describeAllowed(spec: ParamSpec): string {
  switch (spec.type) {
    case 'int':
      return `an integer from ${spec.min} to ${spec.max}${spec.step && spec.step !== 1 ? ` in steps of ${spec.step}` : ''}`;
    case 'number':
      return `a number from ${spec.min} to ${spec.max}`;
    case 'enum':
      return `one of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'int[]':
      return `a comma-separated list of 1 to ${spec.maxLength} integers, each from ${spec.min} to ${spec.max}`;
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Strings are accepted (from a URL, a form or a CLI `--set key=value`) and parsed by the parameter's type. */
function coerce(spec: ParamSpec, raw: unknown): { value?: unknown; bad?: true } {
  switch (spec.type) {
    case 'int':
    case 'number': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { bad: true };
      if (spec.type === 'int' && !Number.isInteger(n)) return { bad: true };
      if (n < spec.min || n > spec.max) return { bad: true };
      if (spec.type === 'int' && spec.step && (n - spec.min) % spec.step !== 0) return { bad: true };
      return { value: n };
    }
    case 'enum':
      return typeof raw === 'string' && spec.values.includes(raw) ? { value: raw } : { bad: true };
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true') return { value: true };
      if (raw === 'false') return { value: false };
      return { bad: true };
    case 'int[]': {
      const list = typeof raw === 'string' ? raw.split(',').map((s) => (s.trim() === '' ? NaN : Number(s))) : raw;
      if (!Array.isArray(list) || list.length < 1 || list.length > spec.maxLength) return { bad: true };
      for (const n of list) {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < spec.min || n > spec.max) return { bad: true };
      }
      return { value: [...list] };
    }
  }
}

/**
 * Checks `input` against `schema`: missing parameters take their defaults; unknown names and bad values are
 * errors that name the parameter, the value given and what is allowed.
 */
export function validateParams<S extends ParamSchema>(schema: S, input: Record<string, unknown> = {}): Validation<S> {
  const errors: string[] = [];
  const values: Record<string, unknown> = defaultParams(schema);
  for (const [key, raw] of Object.entries(input)) {
    const spec = schema[key];
    if (!spec) {
      const known = Object.keys(schema);
      errors.push(`unknown parameter "${key}"; known parameters: ${known.length ? known.map((k) => `"${k}"`).join(', ') : 'none'}`);
      continue;
    }
    if (raw === undefined) continue;
    const { value, bad } = coerce(spec, raw);
    if (bad) errors.push(`parameter "${key}" (${spec.label}) got ${show(raw)}; allowed: ${describeAllowed(spec)}`);
    else values[key] = value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, values: values as ParamValues<S> };
}

/** Like validateParams, but throws one Error listing every problem (for code paths that cannot recover). */
export function parseParams<S extends ParamSchema>(schema: S, input: Record<string, unknown> = {}): ParamValues<S> {
  const result = validateParams(schema, input);
  if (!result.ok) throw new Error(`Invalid parameters: ${result.errors.join('; ')}`);
  return result.values;
}
