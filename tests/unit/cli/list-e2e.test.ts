// End to end: `lab list --json` as a child process prints only JSON on stdout, with every experiment and
// claim; a bad id exits with code 2 and names the known ids on stderr.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { experimentIds, listClaims } from '~/experiments';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// The CLI as `npm run lab` starts it: this test's own Node (24) running scripts/vite-run.mjs.
const launcher = join(root, 'scripts/vite-run.mjs');
const run = promisify(execFile);

test('list --json prints every experiment with typed parameters and every claim', { timeout: 60_000 }, async () => {
  const { stdout } = await run(process.execPath, [launcher, 'src/lab/cli.ts', 'list', '--json'], { cwd: root });
  const listing = JSON.parse(stdout) as {
    experiments: { id: string; params: { name: string; type: string; default: unknown; allowed: string }[] }[];
    claims: { id: string; experiment: string; seeds: number[] }[];
  };
  expect(listing.experiments.map((e) => e.id)).toEqual([...experimentIds]);
  for (const e of listing.experiments)
    for (const p of e.params) expect(p).toMatchObject({ name: expect.any(String), type: expect.any(String), allowed: expect.any(String) });
  expect(listing.claims.map((c) => c.id)).toEqual(listClaims().map((c) => c.id));
  for (const c of listing.claims) expect(c.seeds.length).toBeGreaterThan(0);
});

test('an unknown id exits with code 2 naming the known ids', { timeout: 60_000 }, async () => {
  const err = await run(process.execPath, [launcher, 'src/lab/cli.ts', 'run', 'nope'], { cwd: root }).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(err?.code).toBe(2);
  expect(err?.stderr).toContain(`unknown experiment "nope"; known experiments: ${experimentIds.join(', ')}`);
});
