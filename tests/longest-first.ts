// Vitest's file order when no earlier run is cached (a clean clone, as in CI): longest files first, so that the
// last files to start are short and both workers finish together. Vitest falls back to file size there, which puts
// the claims suite's 3-line files in folder order (E21's 100-second file started late and ran alone at the end) and
// the browser suite's short but slow files (axe, Firefox, Lighthouse) last. With cached durations (a developer's
// machine), Vitest's own order, longest first by those durations, is kept.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Browser files that take much longer than their size says, slowest first (seconds, each file alone on a 2-core machine). */
const SLOW_BROWSER_FILES = [
  'islands.test.ts', // ~95: the first block of each experiment runs to the end
  'a11y.test.ts', // ~35-45: axe on every page in both themes
  'suite.test.ts', // ~40: Firefox
  'block-lab.test.ts', // ~22
  'pages-load.test.ts', // ~22, mostly waiting for the network to be idle on each page
  'lighthouse.test.ts', // ~21
  'site-url.test.ts', // ~14: a second production build
];

/**
 * A claims file's cost: its experiment's verification time at the default settings and on the counter-runs (ms).
 * With a seed check in the folder (assumed current: reading the inputs' fingerprint here would cost more than a wrong
 * guess), the default settings cost one seed of each each-seed claim and nothing for a mean over seeds.
 */
function claimsCost(moduleId: string): number {
  try {
    const { claims } = JSON.parse(readFileSync(`${dirname(moduleId)}/verification.json`, 'utf8')) as {
      claims: Record<string, { mode: string; default: { ms: number; seeds: number[] }; counterRuns: { ms: number }[] }>;
    };
    const firstSeeds = existsSync(`${dirname(moduleId)}/seed-check.json`);
    const defaultCost = (c: (typeof claims)[string]) =>
      !firstSeeds ? c.default.ms : c.mode === 'each-seed' ? c.default.ms / c.default.seeds.length : 0;
    return Object.values(claims).reduce((sum, c) => sum + defaultCost(c) + c.counterRuns.reduce((s, r) => s + r.ms, 0), 0);
  } catch {
    return 0; // no verification yet: the order only costs time
  }
}

function cost(spec: TestSpecification): number {
  if (spec.project.name === 'claims') return claimsCost(spec.moduleId);
  const slow = SLOW_BROWSER_FILES.indexOf(basename(spec.moduleId));
  return spec.project.name === 'browser' && slow >= 0 ? SLOW_BROWSER_FILES.length - slow : 0;
}

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (files.some((spec) => this.ctx.cache.getTestSpecificationResult(spec))) return sorted;
    // Within each project (Vitest runs projects one after another), by cost; files of equal cost keep the size order.
    const costs = new Map(sorted.map((spec) => [spec, cost(spec)])); // once per file: a claims cost reads a JSON file
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    return projects.flatMap((name) => sorted.filter((spec) => spec.project.name === name).sort((a, b) => costs.get(b)! - costs.get(a)!));
  }
}
