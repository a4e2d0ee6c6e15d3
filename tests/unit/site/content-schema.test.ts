// The five ways a question file can be wrong each fail `astro build` with the file and the field named.
// Each case builds a copy of the real content config, data and site helpers in a temp dir with one bad file
// (a child process: a real build, not a mock), sequentially, after a control build that must succeed.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../../..');
let dir: string;

const GOOD = {
  question: '"Is this a well-formed question?"',
  short: '"Yes, it is. Every field is in order."',
  topics: '[residual]',
  related: '[other]',
  cites: '[Vas17]',
  order: '1',
  created: '2026-11-26',
  updated: '2026-11-26',
};
type Fields = Partial<Record<keyof typeof GOOD | 'extra', string | undefined>>;

function mdx(fields: Fields): string {
  const merged: Fields = { ...GOOD, ...fields };
  const lines = Object.entries(merged)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\nA body.\n`;
}

async function build(fields: Fields): Promise<{ ok: boolean; output: string }> {
  writeFileSync(join(dir, 'content/probe.mdx'), mdx(fields));
  try {
    // The Node running the tests (24, from the devDependency) runs Astro too, whatever `node` is on PATH.
    const { stdout, stderr } = await run(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { ok: true, output: stdout + stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-schema-'));
  for (const path of ['src/content.config.ts', 'src/data/papers.ts', 'src/data/topics.ts', 'src/data/glossary.ts', 'src/lib/site', 'tsconfig.json']) {
    cpSync(join(repo, path), join(dir, path), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}');
  // Own Vite cache: node_modules is a symlink to the repo's, whose .vite cache the real build uses.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()], vite: { cacheDir: './.vite-cache' } };\n",
  );
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    "---\nimport { getCollection } from 'astro:content';\nconst qs = await getCollection('questions');\n---\n<p>{qs.length}</p>\n",
  );
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content/other.mdx'), mdx({ related: '[probe]', order: '2' }));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a question file', { timeout: 60_000 }, () => {
  test('with every field right builds', async () => {
    const { ok, output } = await build({});
    expect(output, output).toContain('Complete!');
    expect(ok).toBe(true);
  });

  const failures: Array<[string, Fields, RegExp]> = [
    ['an unknown field', { extra: 'true' }, /Unrecognized key: "extra"/],
    ['a missing required field', { question: undefined }, /question: question is required/],
    ['an unknown topic', { topics: '[residual, vibes]' }, /topics\.1: unknown topic "vibes"/],
    ['a related id that names no file', { related: '[other, nowhere]' }, /related\.1: no question "nowhere": there is no content\/nowhere\.mdx/],
    ['an unknown citation key', { cites: '[Vas17, Nobody99]' }, /cites\.1: unknown citation key "Nobody99"/],
  ];

  test.each(failures)('with %s fails the build naming the file and the field', async (_name, fields, field) => {
    const { ok, output } = await build(fields);
    expect(ok).toBe(false);
    expect(output).toMatch(/content\/probe\.mdx/);
    expect(output).toMatch(field);
  });
});
