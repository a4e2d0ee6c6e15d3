// The social card renders offline to a 1200×630 PNG, and its text line is the short answer's first sentence.
import { writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { firstSentence } from '~/build/reach/first-sentence';
import { CARD_HEIGHT, CARD_WIDTH, renderCard } from '~/build/reach/social-card';

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('social card', () => {
  test('firstSentence stops at the first sentence end, not at an abbreviation', () => {
    expect(firstSentence('It adds, e.g. a copy. Then it norms.')).toBe('It adds, e.g. a copy.');
    expect(firstSentence('One “quoted.” Two.')).toBe('One “quoted.”');
    expect(firstSentence('No end')).toBe('No end');
  });
  test('renders a 1200×630 PNG with the bundled font', async () => {
    const png = await renderCard({
      siteName: 'Add & Norm, measured',
      question: 'Why is there a residual connection around each sublayer, followed by layer normalization, in the decoder?',
      line: 'The residual connection gives every sublayer an identity path.',
    });
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(png.length).toBeGreaterThan(10_000);
    if (process.env.CARD_PREVIEW) writeFileSync(process.env.CARD_PREVIEW, png);
  }, 30_000);
});
