import { describe, it, expect } from 'vitest';
import { summarize, tableOf, plottableRows, type ChartSpec } from '~/charts/spec';
import { genericFigures } from '~/experiments/figures';
import { renderSvg } from '~/build/render-svg';

const spec: ChartSpec = {
  title: 'Gradient norm per layer',
  x: { label: 'layer' },
  y: { label: 'gradient norm', log: true },
  mark: 'line',
  rows: [
    { series: 'Post-LN', x: 1, y: 0.5 },
    { series: 'Post-LN', x: 2, y: 0.9 },
    { series: 'plain', x: 1, y: 1e-4 },
    { series: 'plain', x: 2, y: 0 },
  ],
};

describe('chart specs', () => {
  it('drops points a log axis cannot place', () => {
    expect(plottableRows(spec)).toHaveLength(3);
  });
  it('summarizes each series in words for screen readers', () => {
    expect(summarize(spec)).toBe(
      'Gradient norm per layer — gradient norm by layer (log scale). Post-LN: 0.5 at layer 1, 0.9 at 2; plain: 1.00e-4 at layer 1, 0 at 2.',
    );
  });
  it('tabulates one row per x and one column per series', () => {
    expect(tableOf(spec)).toEqual({
      caption: 'Gradient norm per layer',
      columns: ['layer', 'Post-LN', 'plain'],
      rows: [
        [1, '0.5', '1.00e-4'],
        [2, '0.9', '0'],
      ],
    });
  });
  it('renders an SVG at build time with currentColor axes and the title as its label', () => {
    const svg = renderSvg(spec);
    expect(svg).toMatch(/^<svg[^>]*role="img"/);
    expect(svg).toContain('aria-label="Gradient norm per layer"');
    expect(svg).toContain('currentColor');
    expect(svg).toContain('<path');
  });
  it('finds line and bar charts in measurements it has no dedicated figure for', () => {
    const figs = genericFigures({ perLayer: { a: [1, 2, 3], b: [3, 2, 1] }, cost: { add: 1, norm: 2 } });
    expect(figs.map((f) => [f.title, f.mark, f.rows.length])).toEqual([
      ['per Layer', 'line', 6],
      ['cost', 'bar', 2],
    ]);
  });
});

import { compactNumbers } from '~/build/render-svg';

describe('compact SVG numbers', () => {
  it('keeps one decimal of every coordinate, leaves integers and text alone', () => {
    expect(compactNumbers('<path d="M64,233.33333333333331L120.0,12.5"/><svg viewBox="0 0 640 300">')).toBe(
      '<path d="M64,233.3L120,12.5"/><svg viewBox="0 0 640 300">',
    );
    expect(compactNumbers('<g transform="translate(0.5,12.345)"><text y="0.71em">0.25</text></g>')).toBe(
      '<g transform="translate(0.5,12.3)"><text y="0.71em">0.25</text></g>',
    );
  });
});

describe('log axis tick labels', () => {
  const loss = (ys: number[]): ChartSpec => ({
    title: 'Training loss',
    x: { label: 'step' },
    y: { label: 'loss', log: true },
    rows: ys.map((y, i) => ({ series: 'loss', x: i, y })),
    mark: 'line',
  });
  it('are plain numbers within a few decades (no SI "m" for 0.4)', () => {
    const svg = renderSvg(loss([2.7, 1, 0.4, 0.1, 0.06]));
    expect(svg).toContain('>0.4<');
    expect(svg).not.toMatch(/>\d+m</);
  });
  it('are powers of ten across many decades', () => {
    expect(renderSvg(loss([1e5, 1e2, 1e-2]))).toMatch(/>1e[+-]\d</);
  });
});

describe('the live curve, thinned', () => {
  it('keeps at most 200 points of each series, its first and last included, and leaves short series whole', async () => {
    const { thinned } = await import('~/page/live-chart');
    const rows = [
      ...Array.from({ length: 1000 }, (_, i) => ({ series: 'long', x: i + 1, y: 1 / (i + 1) })),
      ...Array.from({ length: 50 }, (_, i) => ({ series: 'short', x: i + 1, y: i })),
    ];
    const out = thinned(rows);
    const long = out.filter((r) => r.series === 'long');
    expect(long.length).toBeLessThanOrEqual(201);
    expect(long[0]!.x).toBe(1);
    expect(long.at(-1)!.x).toBe(1000);
    expect(out.filter((r) => r.series === 'short')).toHaveLength(50);
  });
});
