// Captions are computed from the run they describe, never typed; a target not reached is a "not reached" row.
import { describe, expect, it } from 'vitest';
import { figuresFor } from '~/experiments/figures';
import { storedRuns } from '~/experiments/stored-runs';
import { change, compare, list } from '~/charts/caption-words';
import { tableOf } from '~/charts/spec';
import { renderSvg } from '~/build/render-svg';
import { NARROW_WIDTH } from '~/charts/plot';

/** Three or more numbers in a caption read as a list of raw numbers. */
const numbers = (s: string) => s.match(/\d+(\.\d+)?/g) ?? [];

describe('chart captions', () => {
  it('every chart of every stored run has one sentence, with no list of raw numbers', () => {
    for (const [id, run] of storedRuns) {
      for (const spec of figuresFor(id, run.measurements, run.provenance.params)) {
        const caption = spec.caption ?? '';
        expect(caption, `${id}: ${spec.title}`).toMatch(/^[A-Z“].+\.$/);
        expect(numbers(caption).length, `${id}: ${caption}`).toBeLessThan(3);
      }
    }
  });
  it('words follow the data', () => {
    expect(change(1, 20)).toBe('grows more than tenfold');
    expect(change(1, 1.1)).toBe('stays about level');
    expect(change(1, 0.05)).toBe('shrinks more than tenfold');
    expect(compare(0.5, 1)).toBe('lower');
    expect(compare(1, 1.05)).toBe('about the same');
    expect(list(['a', 'b', 'c'])).toBe('a, b and c');
  });
  it('a caption changes with the run: E10 when averaging ends lower than adding', () => {
    const run = storedRuns.get('e10')!;
    const m = structuredClone(run.measurements) as { loss: number[]; averagedLoss: number[] };
    m.averagedLoss = m.loss.map((y) => y / 4);
    const [, loss] = figuresFor('e10', m, run.provenance.params);
    expect(loss!.caption).toBe('Adding ends with a higher training loss than averaging.');
  });
  it('incomplete data gets no caption rather than a wrong one', () => {
    expect(figuresFor('e9', { relativeChange: {}, accuracy: { trained: 0.9 } }).every((s) => s.caption === undefined)).toBe(true);
  });
});

describe('steps to a target', () => {
  const run = storedRuns.get('e4')!;
  type E4 = { steps: number; results: { connection: string; stepsToTarget: number | null }[] };
  const m = structuredClone(run.measurements) as E4;
  const last = m.results.length - 1;
  m.results[last]!.stepsToTarget = null;
  const [lossChart, steps] = figuresFor('e4', m, run.provenance.params);
  it('a merge that missed the target is a "not reached" row, in the chart and in its data table', () => {
    const name = m.results[last]!.connection;
    const row = tableOf(steps!).rows.find((r) => r[0] === steps!.rows.find((x) => x.series === name)!.x);
    expect(tableOf(steps!).columns).toContain(name);
    expect(row?.join(' ')).toContain(`not reached in ${m.steps} steps`);
    for (const width of [640, NARROW_WIDTH]) {
      const svg = renderSvg(steps!, { width });
      expect(svg).toContain(`not reached in ${m.steps} steps`);
      expect(svg).toContain('stroke-dasharray="4 3"');
    }
    expect(steps!.caption).toContain(`does not within ${m.steps} steps`);
  });
  it('the loss curves draw the target loss as a labelled rule', () => {
    expect(renderSvg(lossChart!)).toContain('target loss 1');
  });
});
