// The file order of a clean clone: the claims files by their experiment's verification time, the browser files
// named slow first; with cached durations, Vitest's own order.
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { LongestFirst } from '../longest-first.ts';

const project = (name: string) => ({ name, config: { sequence: { groupOrder: 0 }, isolate: true } });
const spec = (projectName: string, path: string) =>
  ({ project: project(projectName), moduleId: resolve(path) }) as unknown as TestSpecification;
const sequencer = (cached: boolean) =>
  new LongestFirst({
    config: {},
    cache: { getTestSpecificationResult: () => (cached ? { duration: 1, failed: false } : undefined) },
  } as unknown as Vitest);
const names = (specs: TestSpecification[]) => specs.map((s) => s.moduleId.replace(`${resolve('.')}/`, ''));

test('claims files by their verification time, so E21 and E2’s warmup grid start before E3 and E8', async () => {
  const files = ['e3-rank-collapse', 'e8-stream-norm', 'e21-exposure-bias-encdec', 'e10-update-ratio'].map((f) =>
    spec('claims', `src/experiments/${f}/claims.test.ts`),
  );
  files.push(spec('claims', 'src/experiments/e2-steps-to-target/claims-warmup.test.ts'));
  const order = names(await sequencer(false).sort(files));
  expect(order.indexOf('src/experiments/e3-rank-collapse/claims.test.ts')).toBeGreaterThan(
    order.indexOf('src/experiments/e10-update-ratio/claims.test.ts'),
  );
  expect(order.slice(0, 2).sort()).toEqual([
    'src/experiments/e2-steps-to-target/claims-warmup.test.ts',
    'src/experiments/e21-exposure-bias-encdec/claims.test.ts',
  ]);
});

test('the slow browser files first, then by size; with cached durations Vitest’s order is kept', async () => {
  const files = ['links', 'a11y', 'reach', 'islands', 'lighthouse'].map((f) => spec('browser', `tests/browser/${f}.test.ts`));
  expect(names(await sequencer(false).sort(files))).toEqual([
    'tests/browser/islands.test.ts',
    'tests/browser/a11y.test.ts',
    'tests/browser/lighthouse.test.ts',
    'tests/browser/reach.test.ts', // larger than links.test.ts
    'tests/browser/links.test.ts',
  ]);
  expect(names(await sequencer(true).sort(files))).toEqual(names(files)); // equal cached durations: stable
});
