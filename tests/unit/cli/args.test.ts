// The CLI's argument parser: every bad argument is rejected with a message naming it and what it allows.
import { describe, expect, test } from 'vitest';
import { parseArgs, UsageError, MAX_SEED, type CatalogEntry } from '~/lab/cli/args';
import { experiments } from '~/experiments';

const catalog: CatalogEntry[] = [
  { id: 'e1', params: { layers: { type: 'int', label: 'Layers', default: 4, min: 2, max: 24 } } },
  {
    id: 'e2',
    params: {
      lr: { type: 'number', label: 'Learning rate', default: 0.003, min: 1e-5, max: 0.1 },
      norm: { type: 'enum', label: 'Norm', default: 'pre', values: ['pre', 'post'] },
    },
  },
];

const fails = (argv: string[], c: readonly CatalogEntry[] = catalog) => {
  try {
    parseArgs(argv, c);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not throw`);
};

describe('commands', () => {
  test('no arguments, help, --help and -h ask for help', () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']]) expect(parseArgs(argv, catalog)).toEqual({ command: 'help' });
  });
  test('list with and without --json', () => {
    expect(parseArgs(['list'], catalog)).toEqual({ command: 'list', json: false });
    expect(parseArgs(['list', '--json'], catalog)).toEqual({ command: 'list', json: true });
  });
  test('unknown command names the allowed commands', () => {
    expect(fails(['lsit'])).toBe('unknown command "lsit"; allowed: list, run, help');
  });
  test('unknown list option names --json', () => {
    expect(fails(['list', '--jsn'])).toBe('unknown argument "--jsn" for list; allowed: --json');
  });
  test('a list argument is quoted as typed, value included', () => {
    expect(fails(['list', '--json=yes'])).toBe('unknown argument "--json=yes" for list; allowed: --json');
    expect(fails(['list', 'e1'])).toBe('unknown argument "e1" for list; allowed: --json');
  });
});

describe('run', () => {
  test('defaults: wasm backend, default seed (undefined), no --set, text output', () => {
    expect(parseArgs(['run', 'e1'], catalog)).toEqual({ command: 'run', id: 'e1', seed: undefined, backend: 'wasm', set: {}, json: false });
  });
  test('every option, in both --flag value and --flag=value forms, in any order', () => {
    expect(parseArgs(['run', '--seed', '7', 'e2', '--backend=cpu', '--set', 'lr=0.01', '--set=norm=post', '--json'], catalog)).toEqual({
      command: 'run',
      id: 'e2',
      seed: 7,
      backend: 'cpu',
      set: { lr: '0.01', norm: 'post' },
      json: true,
    });
  });
  test('missing id lists the ids', () => {
    expect(fails(['run'])).toBe('run needs an experiment id; known experiments: e1, e2');
  });
  test('unknown id lists the ids', () => {
    expect(fails(['run', 'e9'])).toBe('unknown experiment "e9"; known experiments: e1, e2');
  });
  test('a second positional argument is rejected', () => {
    expect(fails(['run', 'e1', 'e2'])).toContain('unexpected argument "e2"');
  });
  test('bad backend names wasm|cpu', () => {
    expect(fails(['run', 'e1', '--backend', 'webgl'])).toBe('--backend got "webgl"; allowed: wasm|cpu');
  });
  test('bad seeds give the range', () => {
    for (const s of ['-1', '1.5', 'abc', String(MAX_SEED + 1)])
      expect(fails(['run', 'e1', '--seed', s])).toBe(`--seed got "${s}"; allowed: an integer from 0 to ${MAX_SEED}`);
  });
  test('an option without a value says so', () => {
    expect(fails(['run', 'e1', '--seed'])).toBe('--seed needs a value');
    expect(fails(['run', 'e1', '--set', '--json'])).toBe('--set needs a value');
  });
  test('an unknown option lists the options', () => {
    expect(fails(['run', 'e1', '--sed', '3'])).toBe('unknown option "--sed" for run; allowed: --seed, --backend, --set, --json');
  });
  test('--json takes no value', () => {
    expect(fails(['run', 'e1', '--json=yes'])).toBe('--json got "yes"; allowed: no value');
  });
  test('a short option is an unknown option too', () => {
    expect(fails(['run', 'e1', '-s', '3'])).toBe('unknown option "-s" for run; allowed: --seed, --backend, --set, --json');
  });
  test('after "--" every argument is positional', () => {
    expect(parseArgs(['run', '--', 'e1'], catalog)).toMatchObject({ command: 'run', id: 'e1' });
    expect(fails(['run', 'e1', '--', '--json'])).toContain('unexpected argument "--json"');
  });
  test('--set without "=" asks for key=value', () => {
    expect(fails(['run', 'e1', '--set', 'layers'])).toBe('--set got "layers"; expected key=value');
  });
  test('bad --set key lists the parameters', () => {
    expect(fails(['run', 'e2', '--set', 'depth=3'])).toBe('--set for e2: unknown parameter "depth"; known parameters: "lr", "norm"');
  });
  test('out-of-range and mistyped --set values give the range or the values', () => {
    expect(fails(['run', 'e1', '--set', 'layers=30'])).toBe(
      '--set for e1: parameter "layers" (Layers) got "30"; allowed: an integer from 2 to 24',
    );
    expect(fails(['run', 'e1', '--set', 'layers=2.5'])).toContain('allowed: an integer from 2 to 24');
    expect(fails(['run', 'e2', '--set', 'norm=mid'])).toContain('allowed: one of "pre", "post"');
  });
});

test('the real registry: every experiment parses with its defaults, and a bad key lists its parameters', () => {
  for (const e of experiments) expect(parseArgs(['run', e.id], experiments)).toMatchObject({ command: 'run', id: e.id });
  const first = experiments[0]!;
  expect(fails(['run', first.id, '--set', 'nope=1'], experiments)).toContain(
    Object.keys(first.params)
      .map((k) => `"${k}"`)
      .join(', '),
  );
});
