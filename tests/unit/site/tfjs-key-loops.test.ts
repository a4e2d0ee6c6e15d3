// The site's bundles change TF.js's for-in loops over tensors and tape inputs into loops over Object.keys (a loop
// Chromium recompiled at every gradient): every such loop of the two files is changed, the result is still a valid
// module with the same statements otherwise, and a TF.js whose loops differ stops the build, naming the file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'acorn';
import { expect, test } from 'vitest';
import { tfjsKeyLoops } from '~/build/integrations/tfjs-key-loops';

const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/dist/index.js'));
const transform = (code: string, id: string) =>
  (tfjsKeyLoops().transform as (code: string, id: string) => { code: string } | null)(code, id);

for (const [file, loops] of [
  ['tensor_util.js', 1],
  ['tape.js', 4],
] as const) {
  test(`${file}: its ${loops} for-in loop(s) iterate Object.keys, and nothing else changes`, () => {
    const id = join(dist, file);
    const code = readFileSync(id, 'utf8');
    const out = transform(code, id)!.code;
    expect(out.match(/for \(const \w+ of Object\.keys\([\w.]+\)\) \{/g)).toHaveLength(loops);
    expect(out).not.toMatch(/for \(const \w+ in /);
    expect(() => parse(out, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
    // Undo the change: the original text comes back, so only the loop heads differ.
    expect(out.replace(/for \(const (\w+) of Object\.keys\(([\w.]+)\)\) \{/g, 'for (const $1 in $2) {')).toBe(code);
  });
}

test('another file is left alone; a TF.js whose loops differ stops the build with the file named', () => {
  expect(transform('for (const k in x) {}', '/x/node_modules/@tensorflow/tfjs-core/dist/ops/add.js')).toBeNull();
  const id = '/x/node_modules/@tensorflow/tfjs-core/dist/tape.js';
  expect(() => transform('for (const k in x) {}', id)).toThrow(
    /tape\.js: 1 for-in loops where .*tfjs-key-loops\.ts expects 4 \(a new TF\.js\?\)/,
  );
});
