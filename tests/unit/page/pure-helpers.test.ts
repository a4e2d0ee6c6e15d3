import { describe, it, expect } from 'vitest';
import { controlsFor } from '~/page/controls';
import { stepOf, TimeLeft, progressText } from '~/page/progress-text';
import { settingsChanged } from '~/page/settings-changed';
import { explainFailure, explainNonFinite, nonFinitePaths } from '~/page/failure-words';
import { syntaxError } from '~/worker/code-errors';
import { positionInStack } from '~/worker/code-stack';
import { describeCodeError } from '~/page/code-error-words';
import { runToCsv, runToJson, type RunRecord } from '~/page/export-run';
import { blockSchema } from '~/build/evidence-config';
import { backendLine } from '~/page/backend-line';
import type { ParamSchema } from '~/lab/experiment/schema';

const schema: ParamSchema = {
  depth: { type: 'int', label: 'Depth', default: 12, min: 2, max: 16, unit: 'layers' },
  norm: { type: 'enum', label: 'Norm', default: 'pre', values: ['pre', 'post'] },
  warmup: { type: 'boolean', label: 'Warmup', default: false },
  depths: { type: 'int[]', label: 'Depths', default: [2, 4], min: 1, max: 16, maxLength: 4 },
  lr: { type: 'number', label: 'LR', default: 0.01, min: 0, max: 1 },
};

describe('controls from a parameter schema', () => {
  it('makes one control per parameter with the right kind, range and help', () => {
    const c = controlsFor(schema);
    expect(c.map((x) => [x.name, x.kind])).toEqual([
      ['depth', 'number'],
      ['norm', 'select'],
      ['warmup', 'checkbox'],
      ['depths', 'text'],
      ['lr', 'number'],
    ]);
    expect(c[0]).toMatchObject({ min: 2, max: 16, step: 1, value: '12', unit: 'layers' });
    expect(c[0].help).toMatch(/integer from 2 to 16/);
    expect(c[1].options).toEqual(['pre', 'post']);
    expect(c[3].value).toBe('2,4');
    expect(c[4].step).toBe('any');
  });

  it("starts the form at the claim's parameters", () => {
    const s = blockSchema(schema, { depth: 6 });
    expect(s.depth.default).toBe(6);
    expect(s.norm.default).toBe('pre');
    expect(schema.depth.default).toBe(12);
  });
});

describe('progress words', () => {
  it('reads the step count from the lab message', () => {
    expect(stepOf('post-ln: step 40/200')).toEqual({ step: 40, total: 200 });
    expect(stepOf('building the model')).toBeUndefined();
  });
  it('estimates the time left from the progress since the first message, and only once 1 s and 5% are measured', () => {
    const t = new TimeLeft();
    expect(t.at(0.1, 5000)).toBeUndefined(); // the first message: loading time before it does not count
    expect(t.at(0.12, 5500)).toBeUndefined(); // too little progress yet
    expect(t.at(0.3, 6000)).toBeUndefined(); // 20% in 1 s: not over 1 s yet
    expect(t.at(0.4, 7000)).toBeCloseTo(((1 - 0.4) * 2000) / 0.3 / 1000);
    expect(t.at(1, 9000)).toBeUndefined();
    expect(progressText(0.5, 'step 5/10', 2)).toBe('step 5/10 · 50% · about 2.0 s left');
    expect(progressText(0.5, 'step 5/10', undefined)).toBe('step 5/10 · 50%');
    expect(progressText(1, 'step 10/10', 2)).toBe('step 10/10 · 100%');
  });
  it("names the settings that differ from the claim's", () => {
    const schema = {
      layers: { type: 'int', label: 'Layers', default: 12, min: 1, max: 24 },
      depths: { type: 'int[]', label: 'Depths', default: [2, 4], min: 1, max: 9, maxLength: 4 },
    } as const;
    expect(settingsChanged(schema, { layers: 12, depths: [2, 4] })).toEqual([]);
    expect(settingsChanged(schema, { layers: 4, depths: [2, 4] })).toEqual([
      { name: 'layers', label: 'Layers', claimValue: '12', yourValue: '4' },
    ]);
  });
});

describe('failures in words', () => {
  it('names divergence as exploding gradients', () => {
    expect(explainFailure('Error: loss became Inf at step 37; gradient norm 4e8 in layer 2')).toMatch(
      /^The run diverged \(exploding gradients\): loss became Inf at step 37/,
    );
    expect(explainFailure('worker crashed')).toBe('The run failed: worker crashed');
  });
  it('finds non-finite numbers and says where', () => {
    const m = { a: [1, NaN], b: { c: Infinity, d: 2 } };
    expect(nonFinitePaths(m)).toEqual(['a[1]', 'b.c']);
    expect(explainNonFinite(m)).toMatch(/a\[1\], b\.c/);
    expect(explainNonFinite({ a: [1, 2] })).toBeUndefined();
  });
});

describe('errors in edited code', () => {
  it('locates a syntax error by line and column', () => {
    const e = syntaxError('export async function run(lab) {\n  const x = ;\n}\n');
    expect(e).toMatchObject({ kind: 'syntax', line: 2 });
    expect(describeCodeError(e!)).toMatch(/^Syntax error at line 2, column \d+: Unexpected token/);
    expect(syntaxError('export async function run() { return 1; }')).toBeUndefined();
  });
  it('reads the line of a runtime error from a blob: module stack', () => {
    const stack =
      'Error: boom\n    at run (blob:http://127.0.0.1:4321/6a1c-77:5:11)\n    at async x (http://127.0.0.1:4321/_astro/worker.js:1:200)';
    expect(positionInStack(stack)).toEqual({ line: 5, column: 11 });
    expect(positionInStack('Error: boom\n    at x (http://a/b.js:1:2)')).toBeUndefined();
  });
});

describe('export with provenance', () => {
  const run: RunRecord = {
    provenance: {
      experiment: 'e1',
      claim: 'c',
      params: { depth: 4 },
      seed: 3,
      backend: 'wasm',
      tfjsVersion: '4.22.0',
      date: '2026-11-26T00:00:00Z',
      page: 'http://x/',
    },
    measurements: { post: [1, 2], nan: NaN, label: 'a,b' },
    outcome: { holds: true, detail: 'ratio 1e3' },
  };
  it('writes JSON that keeps NaN readable', () => {
    const parsed = JSON.parse(runToJson(run));
    expect(parsed.provenance.seed).toBe(3);
    expect(parsed.measurements.nan).toBe('NaN');
  });
  it('writes CSV with a provenance header and one row per number', () => {
    const csv = runToCsv(run).split('\n');
    expect(csv[0]).toBe('# experiment e1, claim c, seed 3');
    expect(csv[1]).toMatch(/backend wasm, TF\.js 4\.22\.0/);
    expect(csv).toContain('quantity,value');
    expect(csv).toContain('post[1],2');
    expect(csv).toContain('label,"a,b"');
    expect(csv.some((l) => l.startsWith('# claim holds: ratio 1e3'))).toBe(true);
  });
});

describe('backend line', () => {
  it('says when the CPU backend stands in for WASM, and why', () => {
    expect(backendLine({ backend: 'wasm', tfjsVersion: '4.22.0' })).toBe('Backend: WebAssembly (WASM), TF.js 4.22.0.');
    expect(backendLine({ backend: 'cpu', tfjsVersion: '4.22.0', fallbackReason: 'fetch failed' })).toMatch(
      /CPU.*WASM was not available: fetch failed/,
    );
    expect(backendLine({ backend: 'wasm', tfjsVersion: '4.22.0', simd: { on: false, reason: 'no SIMD' } })).toBe(
      'Backend: WebAssembly (WASM), TF.js 4.22.0. Slower than usual: no SIMD.',
    );
  });
});

import { parseTrainingProgress, LiveCurve } from '~/page/live-curve';

describe('the live training curve', () => {
  it('reads run name, step and loss from the lab progress messages', () => {
    expect(parseTrainingProgress('post-ln, lr 0.003 + warmup: step 40, loss 1.23')).toEqual({
      series: 'post-ln, lr 0.003 + warmup',
      step: 40,
      loss: 1.23,
    });
    expect(parseTrainingProgress('step 7, loss NaN')).toEqual({ series: 'loss', step: 7, loss: NaN });
    expect(parseTrainingProgress('pre-ln, 12 layers')).toBeUndefined();
  });
  it('collects points into a chart spec', () => {
    const c = new LiveCurve();
    expect(c.add('a: step 1, loss 2')).toBe(true);
    expect(c.add('building')).toBe(false);
    c.add('a: step 2, loss 1.5');
    expect(c.spec().rows).toEqual([
      { series: 'a', x: 1, y: 2 },
      { series: 'a', x: 2, y: 1.5 },
    ]);
  });
});

import { explainDiverged } from '~/page/failure-words';

describe('divergence inside a finished run', () => {
  it('names each diverged training run, with its learning rate and reason', () => {
    const m = {
      runs: [
        { variant: 'post-ln', lr: 0.01, status: 'diverged', reason: 'loss became Inf at step 37' },
        { variant: 'pre-ln', lr: 0.01, status: 'reached' },
      ],
    };
    expect(explainDiverged(m)).toBe(
      'Exploding gradients: one training run diverged and stopped early — post-ln at learning rate 0.01 (loss became Inf at step 37).',
    );
    expect(explainDiverged({ runs: [{ variant: 'pre-ln', status: 'reached' }] })).toBeUndefined();
  });
});
