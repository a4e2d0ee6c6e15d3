// The island's "Export" (src/block-lab/export-script.ts): the generated script runs the presets with @tensorflow/tfjs
// in a separate Node process (the one running these tests) and prints finite numbers of the right lengths; a broken
// block stops it with exit code 1 and a message naming the problem. The scripts are written inside the repository
// (node_modules/.cache) so Node resolves @tensorflow/tfjs from its node_modules, as after `npm install` in a folder.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportScript, HARNESS_NAMES, TFJS_VERSION } from '~/block-lab/export-script';
import { presetSource, type BlockPresetId } from '~/lab/blocks';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = join(root, 'node_modules/.cache/block-export-test');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Write the exported script for `source` and run it with this process's Node (a generous timeout: a busy 2-core machine). */
function run(name: string, source: string, options: Parameters<typeof exportScript>[1] = {}): Promise<Run> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, exportScript(source, { name, ...options }));
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd: dir, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The JSON lines a run printed. */
const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));

const allFinite = (xs: unknown[]) => xs.every((x) => typeof x === 'number' && Number.isFinite(x));

test('pre-ln: the script starts with how to run it, then the block verbatim (less // @ts-check), CONFIG and the harness', () => {
  const source = presetSource('pre-ln');
  const script = exportScript(source, { name: 'pre-ln', seed: 3, layers: 2, d: 16 });
  expect(script.startsWith('// pre-ln.mjs: ')).toBe(true);
  expect(script).toContain(`npm install @tensorflow/tfjs@${TFJS_VERSION} && node pre-ln.mjs`);
  expect(script).toContain('<script type="importmap">');
  expect(script).toContain(`https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@${TFJS_VERSION}/dist/tf.fesm.min.js`);
  expect(script).toContain("\nimport * as tf from '@tensorflow/tfjs';\n");
  expect(script).toContain(source.replace('// @ts-check\n', '').trimEnd());
  expect(script).not.toContain('@ts-check');
  expect(script).toContain('const CONFIG = { name: "pre-ln", seed: 3, nLayers: 2, d: 16,');
  // A learner reads it: the harness stays short.
  expect(script.split('\n').length - source.split('\n').length).toBeLessThanOrEqual(200);
});

test('the package pins @tensorflow/tfjs at the version of @tensorflow/tfjs-core, and the site never imports it', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  expect(pkg.dependencies['@tensorflow/tfjs']).toBe(TFJS_VERSION);
  expect(pkg.dependencies['@tensorflow/tfjs-core']).toBe(TFJS_VERSION);
  const importsTfjs = /^\s*import\b[^;]*?['"]@tensorflow\/tfjs['"]|\bimport\(\s*['"]@tensorflow\/tfjs['"]/m;
  const offenders: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|js|mjs|astro|mdx)$/.test(e.name) && importsTfjs.test(readFileSync(p, 'utf8'))) offenders.push(p);
    }
  };
  for (const d of ['src', 'components']) walk(join(root, d));
  expect(offenders).toEqual([]);
});

test('a block declaring a name the harness uses is refused with that name; bad options are refused', () => {
  expect(HARNESS_NAMES).toEqual(expect.arrayContaining(['tf', 'CONFIG', 'fail', 'selfAttention', 'model', 'train']));
  const source = 'export function block(tf, x, F) {\n  return tf.add(x, F(x));\n}\nfunction selfAttention() {}\n';
  expect(() => exportScript(source)).toThrow(/'selfAttention', a name the exported script also uses/);
  expect(() => exportScript(presetSource('no-norm'), { layers: 0 })).toThrow(/layers must be a positive integer/);
});

// Small models (2 layers of width 16): the CPU backend of @tensorflow/tfjs in Node is plain JS, and this file must stay quick.
const layers = 2;
const d = 16;
const presets: BlockPresetId[] = ['post-ln', 'pre-ln', 'rezero', 'deepnorm'];
const steps = (id: string) => (id === 'post-ln' ? undefined : 10); // post-ln trains the default 30 steps, the others 10
const broken = {
  'wrong-shape': [
    'export function block(tf, x, F) {\n  return tf.slice(F(x), [0, 0], [-1, 8]);\n}\n',
    /^error: block\(\) at layer 0, sublayer 'self' must return the stream's shape \[96, 16\], got shape \[96, 8\]$/m,
  ],
  throws: [
    "export function block() {\n  throw new Error('not written yet');\n}\n",
    /^error: block\(\) at layer 0, sublayer 'self' threw: not written yet$/m,
  ],
  'non-finite': [
    'export function block(tf, x, F) {\n  return tf.div(tf.add(x, F(x)), 0);\n}\n',
    /^error: the loss at initialization is NaN$/m,
  ],
} as const;
const runs = new Map<string, Run>();

beforeAll(async () => {
  const jobs: [string, string][] = [...presets.map((id) => [id, presetSource(id)] as [string, string])];
  for (const [name, [source]] of Object.entries(broken)) jobs.push([name, source]);
  // Two processes at a time (the machine's two cores), the longest run first.
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) runs.set(job[0], await run(job[0], job[1], { layers, d, steps: steps(job[0]) }));
  };
  await Promise.all([worker(), worker()]);
}, 120_000);

describe('the exported script runs with @tensorflow/tfjs', () => {
  test.each(presets)('%s: exit 0, stream and gradient norms at each depth, a finite loss every few steps', (id) => {
    const r = runs.get(id)!;
    expect(r.stderr.replace(/^(?!error).*\n?/gm, '')).toBe(''); // no 'error:' line (tfjs may warn on stderr)
    expect(r.code).toBe(0);
    const [init, ...losses] = jsonLines(r.stdout);
    expect(init).toMatchObject({ name: id, seed: 1, nLayers: layers, d, steps: steps(id) ?? 30, backend: 'cpu' });
    expect(init.streamNorm).toHaveLength(layers + 1);
    expect(init.gradNorm).toHaveLength(layers + 1);
    expect(allFinite([init.loss, ...init.streamNorm, ...init.gradNorm])).toBe(true);
    expect(init.gradNorm.every((g: number) => g > 0)).toBe(true);
    expect(losses.map((l) => l.step)).toEqual(id === 'post-ln' ? [0, 5, 10, 15, 20, 25, 29] : [0, 5, 9]);
    expect(allFinite(losses.map((l) => l.loss))).toBe(true);
  });

  test('rezero: every block is the identity at init, so the stream and its gradient are the same at every depth', () => {
    const [init] = jsonLines(runs.get('rezero')!.stdout);
    for (const xs of [init.streamNorm, init.gradNorm]) for (const x of xs) expect(x).toBeCloseTo(xs[0], 3);
  });
});

describe('a broken block stops the script with exit code 1 and a message naming the problem', () => {
  test.each(Object.keys(broken) as (keyof typeof broken)[])('%s', (name) => {
    const r = runs.get(name)!;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(broken[name][1]);
    expect(jsonLines(r.stdout)).toEqual([]);
  });
});
