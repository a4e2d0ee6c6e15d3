// Themes: the system preference rules until the reader chooses; the switch flips the theme and the
// choice survives a reload; data-theme is set before the <body> is parsed (so before first paint: no
// flash of the wrong theme) by a blocking inline script in <head>, on every page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { attr, builtPages, builtQuestions, elements, hasAttr, line, openPage, parsePage, rawText, useSite } from './harness.ts';

const site = useSite();
const pages = builtPages();
const probePages = [
  '/',
  ...builtQuestions()
    .slice(0, 1)
    .map((q) => q.url),
];

/** Records <html data-theme> at the moment <body> is inserted into the DOM, i.e. before first paint. */
const RECORD_THEME_AT_BODY = `
  new MutationObserver((_records, observer) => {
    if (document.body) {
      window.__themeAtBody = document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function themeState(page: Page): Promise<{ now: string | null; atBody: string | null; stored: string | null }> {
  return page.evaluate(() => ({
    now: document.documentElement.getAttribute('data-theme'),
    atBody: (window as unknown as { __themeAtBody?: string | null }).__themeAtBody ?? null,
    stored: localStorage.getItem('theme'),
  }));
}

describe('the theme follows the system until the reader chooses', () => {
  for (const url of probePages) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${url} with prefers-color-scheme: ${scheme} and no stored choice starts ${scheme}, set before <body>`, async () => {
        const { page, context } = await openPage(site);
        try {
          await page.emulateMedia({ colorScheme: scheme });
          await page.addInitScript(RECORD_THEME_AT_BODY);
          await page.goto(url);
          const state = await themeState(page);
          expect(state.stored, 'no choice is stored in a fresh profile').toBeNull();
          expect(state.atBody, `${url}: <html data-theme> when <body> appeared`).toBe(scheme);
          expect(state.now, `${url}: <html data-theme> after load`).toBe(scheme);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('the theme switch', () => {
  for (const url of probePages) {
    for (const scheme of ['light', 'dark'] as const) {
      const other = scheme === 'light' ? 'dark' : 'light';
      it(`${url}: from system ${scheme}, [data-theme-toggle] switches to ${other}, stores it, and a reload keeps it with no flash`, async () => {
        const { page, context } = await openPage(site, { colorScheme: scheme });
        try {
          await page.addInitScript(RECORD_THEME_AT_BODY);
          await page.goto(url);
          const toggle = page.locator('button[data-theme-toggle]');
          expect(await toggle.count(), `${url}: number of <button data-theme-toggle>`).toBe(1);
          await toggle.click();
          let state = await themeState(page);
          expect(state.now, `${url}: data-theme after clicking the switch`).toBe(other);
          expect(state.stored, `${url}: localStorage['theme'] after clicking the switch`).toBe(other);

          await page.reload();
          state = await themeState(page);
          expect(state.atBody, `${url}: data-theme when <body> appeared after reload`).toBe(other);
          expect(state.now, `${url}: data-theme after reload`).toBe(other);

          // the stored choice wins over the system: flip the system too, the reader's choice stays
          await page.emulateMedia({ colorScheme: other === 'dark' ? 'light' : 'dark' });
          await page.reload();
          expect((await themeState(page)).now, `${url}: stored choice after the system preference changed`).toBe(other);

          await page.locator('button[data-theme-toggle]').click();
          state = await themeState(page);
          expect(state.now, `${url}: data-theme after clicking the switch again`).toBe(scheme);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('every page sets data-theme from a blocking script in <head>', () => {
  it.each(pages.map((p) => [p.url, p]))('%s', (_url, p) => {
    const doc = parsePage(p.path);
    const head = elements(doc, (el) => el.tagName === 'head')[0];
    expect(head, `${p.url}: no <head>`).toBeDefined();
    const scripts = elements(head!, (el) => el.tagName === 'script');
    const blocking = scripts.filter(
      (s) =>
        !hasAttr(s, 'src') &&
        !hasAttr(s, 'async') &&
        !hasAttr(s, 'defer') &&
        ['', 'text/javascript', 'application/javascript'].includes((attr(s, 'type') ?? '').toLowerCase()),
    );
    const themeScript = blocking.find((s) => /localStorage/.test(rawText(s)) && /data-theme|dataset\.theme/.test(rawText(s)));
    expect(
      themeScript,
      `${p.url} (dist/${p.file}): no classic inline <script> in <head> that reads localStorage and sets data-theme ` +
        `(module scripts run after parsing, too late to avoid a flash); head scripts: ${scripts.map((s) => `${line(s)} type=${attr(s, 'type') ?? '-'}`).join(', ') || 'none'}`,
    ).toBeDefined();
  });
});
