// Click, then wait for the island's run to end: the end must be set after the click. The page's handlers start a run
// asynchronously (a lazy import, a worker message), so without that the state the run before left (done, cancelled)
// passes for this run's end, and a test reads the wrong run.
import type { Locator } from 'playwright-core';

type Watched = HTMLElement & { settleSets?: number; settleWatch?: MutationObserver };

export interface SettleOptions {
  /** the attribute that holds the state (default data-state) */
  attribute?: string;
  /** the states that end a run */
  ends?: string[];
  timeout?: number;
}

/** Clicks `button` and waits until `host`'s state attribute has been set since and is one of `ends`; returns it. */
export async function clickAndSettle(host: Locator, button: Locator, options: SettleOptions = {}): Promise<string> {
  const { attribute = 'data-state', ends = ['done', 'error', 'cancelled'], timeout = 120_000 } = options;
  // A set counts even when the value does not change (DOM mutation records), so 'done' → 'done' is seen.
  await host.evaluate((el: Watched, a) => {
    el.settleWatch?.disconnect();
    el.settleSets = 0;
    el.settleWatch = new MutationObserver((records) => (el.settleSets! += records.length));
    el.settleWatch.observe(el, { attributes: true, attributeFilter: [a] });
  }, attribute);
  await button.click();
  const handle = await host.elementHandle();
  await host.page().waitForFunction(
    ([el, a, e]) => (el as Watched).settleSets! > 0 && (e as string[]).includes((el as Watched).getAttribute(a as string) ?? ''),
    [handle, attribute, ends] as const,
    { timeout, polling: 200 }, // not every animation frame: that renders ~60 frames a second and takes CPU from the workers
  );
  await host.evaluate((el: Watched) => el.settleWatch?.disconnect());
  return (await host.getAttribute(attribute)) ?? '';
}
