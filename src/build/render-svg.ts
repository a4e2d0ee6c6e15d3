// Build-time rendering of a ChartSpec to an SVG string: Observable Plot with a linkedom document (no browser,
// no JavaScript in the page). The same options drive the live chart in the browser.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { plotOptions, tidyAria } from '~/charts/plot';
import type { ChartSpec } from '~/charts/spec';

export function renderSvg(spec: ChartSpec, opts: { compare?: ChartSpec; width?: number } = {}): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...plotOptions(spec, { ...opts, document: document as unknown as Document }), legend: false } as Plot.PlotOptions);
  tidyAria(el, spec.title);
  return compactNumbers(el.outerHTML);
}

/** Plot writes coordinates with up to 15 decimals; one is plenty at screen resolution and keeps pages light.
 * Only geometry attributes are touched: tick labels and titles keep their digits. */
export function compactNumbers(svg: string): string {
  return svg.replace(
    /\b(d|x|y|x1|x2|y1|y2|cx|cy|r|width|height|transform|points)="([^"]*)"/g,
    (_m, name: string, value: string) => `${name}="${value.replace(/(\d+\.\d)\d{2,}/g, '$1').replace(/(\d+)\.0(?!\d)/g, '$1')}"`,
  );
}
