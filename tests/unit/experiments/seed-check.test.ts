import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, test } from 'vitest';
import { experimentIds, folderFor } from '~/experiments';
import { inputFiles, inputsFingerprint, parseSeedCheck, seedCheckOf, seedsToRerun } from '~/experiments/seed-check';

describe('the seed check', () => {
  const files = inputFiles('e2');

  test('hashes the lab, the shared experiment code and the experiment’s own code, not its tests, charts, docs or records', () => {
    const folder = folderFor('e2');
    expect(files).toEqual(
      expect.arrayContaining([
        'src/lab/model.ts',
        'src/lab/kernels/simd-kernels.ts',
        'src/lab/blocks/pre-ln.js',
        'src/experiments/index.ts',
        'src/experiments/verify.ts',
        `${folder}/core.js`,
        `${folder}/experiment.ts`,
        `${folder}/claims.ts`,
      ]),
    );
    const excluded = files.filter((f) =>
      /\.test\.ts$|\.md$|figures\.ts$|\.json$|check-claims\.ts$|seed-check\.ts$|predicate-testing\.ts$/.test(f),
    );
    expect(excluded).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/experiments/e') && !f.startsWith(folder))).toEqual([]);
  });

  test('changes when any one input file changes, and only then', () => {
    const same = inputsFingerprint('e2');
    expect(inputsFingerprint('e2')).toBe(same);
    for (const changed of [files[0]!, `${folderFor('e2')}/core.js`, 'src/experiments/verify.ts']) {
      const read = (p: string) => (p === changed ? `${readFileSync(p, 'utf8')}\n// edited` : readFileSync(p));
      expect(inputsFingerprint('e2', read), changed).not.toBe(same);
    }
  });

  // The fingerprint covers what the runs load only if the input files import nothing else (type imports included).
  test.each([...experimentIds])('%s: every module its input files import is an input file or a versioned package', (id) => {
    const inputs = new Set(inputFiles(id));
    const outside: string[] = [];
    for (const file of inputs) {
      if (!/\.(ts|js)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8').replace(/^\s*(\/\*[\s\S]*?\*\/|\/\/.*$)/gm, ''); // not the imports doc comments show
      for (const [, spec] of text.matchAll(/(?:from|import\(?)\s*'([^']+)'/g)) {
        if (spec!.startsWith('@tensorflow/') || spec!.startsWith('node:')) continue;
        const base = spec!.startsWith('~/')
          ? `src/${spec!.slice(2)}`
          : spec!.startsWith('.')
            ? normalize(join(dirname(file), spec!))
            : null;
        const found = base !== null && [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`].some((p) => inputs.has(p));
        if (!found) outside.push(`${file} imports '${spec}'`);
      }
    }
    expect(outside).toEqual([]);
  });

  test('the claims suite re-runs every seed without a current seed check, with one the first of an each-seed claim and none of a mean', () => {
    const check = seedCheckOf('e2', 'inputs', 'verification');
    const seeds = [1, 2, 3, 4, 5];
    expect(seedsToRerun({ mode: 'each-seed', seeds }, undefined)).toEqual(seeds);
    expect(seedsToRerun({ mode: 'mean-over-seeds', seeds }, undefined)).toEqual(seeds);
    expect(seedsToRerun({ mode: 'each-seed', seeds }, check)).toEqual([1]);
    expect(seedsToRerun({ mode: 'mean-over-seeds', seeds }, check)).toEqual([]);
  });

  test('a malformed seed check names its file and the fields missing', () => {
    expect(() => parseSeedCheck('x/seed-check.json', '{"inputs": "ab", "date": "d"}')).toThrow(
      'x/seed-check.json: "verification", "runtime", "claims" missing or malformed',
    );
  });
});
