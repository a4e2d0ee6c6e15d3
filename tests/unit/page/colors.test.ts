// The site-wide variant colours: a variant has one colour on every chart, and two lines of one chart never share one.
import { expect, test } from 'vitest';
import { seriesColors } from '~/charts/colors';

test('a variant keeps its colour whatever the chart and the order of its series', () => {
  const [post, pre] = seriesColors(['post-ln', 'pre-ln']);
  expect(seriesColors(['pre-ln', 'full block (Post-LN)'])).toEqual([pre, post]);
  expect(seriesColors(['neither', 'Pre-LN, lr 0.003', 'post-ln, lr 0.003'])).toEqual([expect.any(String), pre, post]);
  expect(seriesColors(['residual-no-norm'])).not.toEqual(seriesColors(['norm-no-residual']));
});

test('two series of one variant in one chart get different colours; other series take free colours', () => {
  const colors = seriesColors(['post-ln, lr 0.001', 'post-ln, lr 0.01', 'teacher forcing', 'free running']);
  expect(new Set(colors).size).toBe(4);
  expect(colors[0]).toBe(seriesColors(['post-ln'])[0]);
});
