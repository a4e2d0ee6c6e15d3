// Build-time rendering of a ChartSpec to an SVG string: Observable Plot with a linkedom document (no browser,
// no JavaScript in the page). The same options drive the live chart in the browser.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { plotOptions, tidyAria } from './plot';
import type { ChartSpec } from './spec';

export function renderSvg(spec: ChartSpec, compare?: ChartSpec): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...plotOptions(spec, { compare, document: document as unknown as Document }), legend: false } as Plot.PlotOptions);
  tidyAria(el, spec.title);
  return el.outerHTML;
}
