import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressPainter } from '~/page/progress-painter';

const elements = () => ({ bar: { value: 0 } as HTMLProgressElement, text: { textContent: '' } as HTMLElement });

describe('progressPainter', () => {
  afterEach(() => vi.useRealTimers());

  it('paints the first report at once and then the latest of each 250 ms, not every report', () => {
    vi.useFakeTimers();
    const { bar, text } = elements();
    const p = progressPainter(bar, text);
    p.show(0.1, 'a: step 1, loss 2.00');
    expect(bar.value).toBe(0.1);
    expect(text.textContent).toMatch(/^a: step 1, loss 2\.00/);
    p.show(0.2, 'a: step 2, loss 1.90');
    p.show(0.3, 'a: step 3, loss 1.80');
    expect(bar.value).toBe(0.1);
    vi.advanceTimersByTime(250);
    expect(bar.value).toBe(0.3);
    expect(text.textContent).toMatch(/^a: step 3, loss 1\.80/);
  });

  it('stop drops a pending paint, so the final text written after it stays', () => {
    vi.useFakeTimers();
    const { bar, text } = elements();
    const p = progressPainter(bar, text);
    p.show(0.1, 'step 1, loss 2.00');
    p.show(0.5, 'step 5, loss 1.00');
    p.stop();
    text.textContent = 'Done in 1.0 s.';
    vi.advanceTimersByTime(1000);
    expect(text.textContent).toBe('Done in 1.0 s.');
    expect(bar.value).toBe(0.1);
  });
});
