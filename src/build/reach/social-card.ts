// The Open Graph image of a question (1200×630 PNG, light theme): the site's name, the question and the
// first sentence of its short answer. Laid out by satori (HTML/CSS subset → SVG) with Inter from
// @fontsource/inter (shipped in the package: nothing is fetched), rasterised by resvg. Build time only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

import { CARD_HEIGHT, CARD_WIDTH } from './card-size';

export { CARD_HEIGHT, CARD_WIDTH };

// Resolved from the project root: the endpoint runs from a bundled chunk, whose own URL says nothing.
const fromRoot = createRequire(join(process.cwd(), 'package.json'));
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: 'Inter',
    data: readFileSync(fromRoot.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
}

// The light theme's colours (src/styles/global.css).
const COLORS = { bg: '#ffffff', text: '#1b1f24', muted: '#4f5866', accent: '#0b57d0', border: '#d5dae1' };

type El = { type: string; props: { style?: Record<string, unknown>; children?: El | string | (El | string)[] } };
const el = (type: string, style: Record<string, unknown>, children?: El['props']['children']): El => ({ type, props: { style, children } });

/** Font size that keeps a question of this length within about four lines. */
const questionSize = (q: string) => (q.length <= 70 ? 64 : q.length <= 120 ? 54 : q.length <= 170 ? 46 : 40);

export async function renderCard(card: { siteName: string; question: string; line: string }): Promise<Buffer> {
  const tree = el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: COLORS.bg,
      color: COLORS.text,
      fontFamily: 'Inter',
      borderTop: `16px solid ${COLORS.accent}`,
    },
    [
      el('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: COLORS.accent }, card.siteName),
      el('div', { display: 'flex', flexDirection: 'column', gap: 28 }, [
        el(
          'div',
          { display: 'flex', fontSize: questionSize(card.question), fontWeight: 700, lineHeight: 1.15, lineClamp: 4 },
          card.question,
        ),
        el('div', { display: 'flex', fontSize: 30, lineHeight: 1.35, color: COLORS.muted, lineClamp: 3 }, card.line),
      ]),
      el(
        'div',
        { display: 'flex', fontSize: 24, color: COLORS.muted, borderTop: `2px solid ${COLORS.border}`, paddingTop: 20 },
        'Short answer, explanation, papers and measurements',
      ),
    ],
  );
  // satori's typings want a React element; this plain object tree is what React would have produced.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}
