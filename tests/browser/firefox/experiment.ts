// Firefox: an evidence block of E1 (the quickest experiment: about a second at its default settings in
// Chromium) runs to done in its worker on WebAssembly (not the slower CPU fallback), with no console error,
// and announces its verdict.
import { describe, expect, it } from 'vitest';
import { attr, builtPages, elements, parsePage, withFirefoxPage, type FirefoxSite } from './harness.ts';

const e1 = builtPages()
  .flatMap((p) =>
    elements(parsePage(p.path), (el) => el.tagName === 'evidence-block' && attr(el, 'data-experiment') === 'e1').map((el) => ({
      url: p.url,
      id: attr(el, 'id') ?? '',
    })),
  )
  .at(0);

/** Registers these checks on `site` (tests/browser/firefox/suite.test.ts launches Firefox once for all). */
export function experimentRuns(site: FirefoxSite): void {
  describe('Firefox: an experiment runs in the page', () => {
    it('a built page has an E1 evidence block', () => expect(e1, 'no <evidence-block data-experiment="e1"> in dist/').toBeDefined());

    it(`E1 at its default settings runs to done (${e1?.url}#${e1?.id})`, async () => {
      await withFirefoxPage(site, async (w) => {
        await w.page.goto(w.url(e1!.url));
        const run = `[id="${e1!.id}"] button[data-run]`;
        // The block wakes (shows its form) when it nears the viewport.
        await w.page.$eval(`[id="${e1!.id}"]`, (el) => el.scrollIntoView());
        await w.page.waitForSelector(`[id="${e1!.id}"] form[data-controls]`, { visible: true, timeout: 10_000 });
        const started = Date.now();
        await w.page.click(run);
        await w.page.waitForFunction(
          (id) => ['done', 'error', 'cancelled'].includes(document.getElementById(id)?.dataset.state ?? ''),
          { timeout: 110_000, polling: 200 }, // not every animation frame, which renders all the while and takes CPU from the run
          e1!.id,
        );
        const seconds = (Date.now() - started) / 1000;
        const block = await w.page.$eval(`[id="${e1!.id}"]`, (el) => ({
          state: (el as HTMLElement).dataset.state,
          announce: el.querySelector('[data-announce]')?.textContent ?? '',
          backend: (el as HTMLElement).dataset.backend,
          backendLine: el.querySelector('[data-backend]')?.textContent ?? '',
          text: (el as HTMLElement).innerText.slice(0, 400),
        }));
        expect(block.state, `E1 in Firefox ended as ${block.state} after ${seconds.toFixed(1)} s: ${block.text}`).toBe('done');
        expect(block.backend, `the backend E1 ran on: ${block.backendLine}`).toBe('wasm');
        expect(block.announce, 'the announced result').toMatch(/^Done in .* (Holds|Does not hold) in your browser/);
        expect(w.problemList(), 'problems while running E1').toEqual([]);
      });
    });
  });
}
