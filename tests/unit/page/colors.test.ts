// The site-wide variant colours: a variant has one colour on every chart, and no two series of one chart look the same.
import { expect, test } from 'vitest';
import { POST_LN, PRE_LN, seriesColors, seriesStyles } from '~/charts/colors';
import { figuresFor } from '~/experiments/figures';
import { storedRuns } from '~/experiments/stored-runs';
import { legendItems } from '~/charts/legend';
import { renderSvg } from '~/build/render-svg';

const distinct = (series: string[]) => new Set(seriesStyles(series).map((s) => `${s.color} ${s.variation}`)).size;

test('a variant keeps its colour whatever the chart and the order of its series', () => {
  expect(seriesColors(['post-ln', 'pre-ln'])).toEqual([POST_LN, PRE_LN]);
  expect(seriesColors(['pre-ln', 'full block (Post-LN)'])).toEqual([PRE_LN, POST_LN]);
  expect(seriesColors(['neither', 'Pre-LN, lr 0.003', 'post-ln, lr 0.003'])).toEqual([expect.any(String), PRE_LN, POST_LN]);
  expect(seriesColors(['residual-no-norm'])).not.toEqual(seriesColors(['norm-no-residual']));
});

test('two series of one variant share its colour and differ in variation (dash or fill)', () => {
  const styles = seriesStyles(['post-ln, lr 0.001', 'post-ln, lr 0.01', 'teacher forcing', 'free running']);
  expect(styles.map((s) => s.color).slice(0, 2)).toEqual([POST_LN, POST_LN]);
  expect(styles.map((s) => s.variation).slice(0, 2)).toEqual([0, 1]);
  expect(new Set(styles.slice(2).map((s) => s.color)).size).toBe(2);
  expect(styles.slice(2).some((s) => s.color === POST_LN || s.color === PRE_LN)).toBe(false);
});

test('more series than colours: every series still has its own colour and variation', () => {
  const many = Array.from({ length: 20 }, (_, i) => `step ${i * 50}`);
  expect(distinct(many)).toBe(20);
  const grid = ['post-ln', 'pre-ln', 'residual-no-norm', 'residual-no-norm+final-ln', 'norm-no-residual', 'neither'];
  const withRates = [...grid, 'post-ln, lr 0.01', 'post-ln, lr 0.01, warmup 50', 'pre-ln, lr 0.01', 'pre-ln, lr 0.01, warmup 50'];
  expect(distinct(withRates)).toBe(withRates.length);
});

test('no chart of any stored run has two series that look the same, and Post-LN / Pre-LN keep their colours', () => {
  for (const [id, run] of storedRuns) {
    for (const spec of figuresFor(id, run.measurements, run.provenance.params)) {
      const series = [...new Set(spec.rows.map((r) => r.series))];
      expect(distinct(series), `${id}: ${spec.title}`).toBe(series.length);
      seriesStyles(series).forEach((s, i) => {
        if (/post[- ]?ln/i.test(series[i]!)) expect(s.color, series[i]).toBe(POST_LN);
        else if (/pre[- ]?ln/i.test(series[i]!)) expect(s.color, series[i]).toBe(PRE_LN);
      });
    }
  }
});

test('a line lying exactly on another is dashed, in the chart and its key, so both show', () => {
  const run = storedRuns.get('e8')!;
  const [norms] = figuresFor('e8', run.measurements, run.provenance.params);
  const items = legendItems(norms!);
  const dashed = items.filter((i) => i.dash);
  expect(dashed.map((i) => i.label)).toEqual(['LayerNorm, no residual']);
  expect(renderSvg(norms!)).toContain(`stroke-dasharray="${dashed[0]!.dash}"`);
});
