// A question file's frontmatter: every rule of the schema through safeParse (fast, one case each), then one
// real `astro build` of a copy of the content config with a bad file, proving that the build fails naming
// the file and the field (a child process: a real build, not a mock).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { questionSchema } from '~/build/content/question-schema';

const GOOD = `
question: "Is this a well-formed question?"
short: "Yes, it is. Every field is in order."
topics: [residual]
related: [other]
cites: [Vas17]
order: 1
created: 2026-11-26
updated: 2026-11-26
`;
const schema = questionSchema(new Set(['probe', 'other']));

/** The frontmatter of GOOD with some fields replaced (undefined removes one), parsed as YAML like Astro does. */
function frontmatter(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const data = { ...(parse(GOOD) as Record<string, unknown>), ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete data[k];
  return data;
}

/** Each issue as "path: message", the form Astro prints after the file name. */
function problems(data: Record<string, unknown>): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the frontmatter schema', () => {
  test('accepts a file with every field right', () => {
    expect(problems(frontmatter())).toEqual([]);
  });

  const failures: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an unknown field', { extra: true }, /Unrecognized key: "extra"/],
    ['a missing required field', { question: undefined }, /^question: question is required/],
    ['a question without "?"', { question: 'This is not a question.' }, /^question: a question ends with "\?"/],
    ['a short answer of one sentence', { short: 'Only one sentence here.' }, /^short: 2–4 sentences, found 1/],
    ['Markdown in the short answer', { short: 'It is *bold*. Two sentences.' }, /^short: plain text only/],
    ['an unknown topic', { topics: ['residual', 'vibes'] }, /^topics\.1: unknown topic "vibes"/],
    [
      'a related id that names no file',
      { related: ['other', 'nowhere'] },
      /^related\.1: no question "nowhere": there is no content\/nowhere\.mdx/,
    ],
    ['an unknown citation key', { cites: ['Vas17', 'Nobody99'] }, /^cites\.1: unknown citation key "Nobody99"/],
    ['updated before created', { updated: '2026-11-01' }, /^updated: updated is before created/],
  ];
  test.each(failures)('rejects %s, naming the field', (_name, changes, message) => {
    const found = problems(frontmatter(changes));
    expect(
      found.some((p) => message.test(p)),
      found.join('\n'),
    ).toBe(true);
  });

  test('lets a draft name questions not written yet', () => {
    expect(problems(frontmatter({ draft: true, related: ['not-yet'] }))).toEqual([]);
  });
});

describe('astro build with a bad question file', () => {
  const repo = resolve(import.meta.dirname, '../../..');
  const dir = mkdtempSync(join(tmpdir(), 'content-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('fails naming the file and the field', { timeout: 120_000 }, async () => {
    for (const path of ['src/content.config.ts', 'src/data', 'src/build/content', 'tsconfig.json'])
      cpSync(join(repo, path), join(dir, path), { recursive: true });
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
    writeFileSync(join(dir, 'content/other.mdx'), `---\n${stringify(frontmatter({ related: ['probe'], order: 2 }))}---\n\nA body.\n`);
    writeFileSync(join(dir, 'content/probe.mdx'), `---\n${stringify(frontmatter({ topics: ['residual', 'vibes'] }))}---\n\nA body.\n`);
    const output = await promisify(execFile)(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    }).then(
      ({ stdout, stderr }) => ({ ok: true, text: stdout + stderr }),
      (e: { stdout?: string; stderr?: string }) => ({ ok: false, text: `${e.stdout ?? ''}${e.stderr ?? ''}` }),
    );
    expect(output.ok, output.text).toBe(false);
    expect(output.text).toMatch(/content\/probe\.mdx/);
    expect(output.text).toMatch(/topics\.1: unknown topic "vibes"/);
  });
});
