// The cores are shown on the page and re-run in a Worker: they must stay self-contained and short.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { coreFileFor, experiments } from '~/experiments';

describe.each(experiments.map((e) => [coreFileFor(e.id)] as const))('%s', (file) => {
  const source = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
  // JSDoc types may name import('./facade') types: they are comments, erased before running.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  test('imports nothing and touches no DOM or Node API', () => {
    expect(code).not.toMatch(/^\s*import\s|\bimport\(|\brequire\(/m);
    expect(code).not.toMatch(/\b(document|window|process|globalThis|Math\.random)\b/);
  });
  test('exports run(lab, params, ctx), is type-checked, and stays short', () => {
    expect(source).toMatch(/^export async function run\(lab, params, ctx\)/m);
    expect(source.startsWith('// @ts-check')).toBe(true);
    expect(source.trimEnd().split('\n').length).toBeLessThanOrEqual(45);
  });
});
