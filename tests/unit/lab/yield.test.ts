// The training's yield lets a message that is already waiting (a Cancel, another worker's result) through, on the
// browser's path (a message channel) and on Node's (setImmediate).
import { afterEach, expect, test, vi } from 'vitest';
import { yieldToEventLoop } from '~/lab/yield';

afterEach(() => vi.unstubAllGlobals());

for (const path of ['a message channel (browsers)', 'setImmediate (Node)']) {
  test(`a waiting message is handled before the yield resumes: ${path}`, async () => {
    if (path.startsWith('a message')) vi.stubGlobal('setImmediate', undefined);
    const { port1, port2 } = new MessageChannel();
    let got = false;
    port1.onmessage = () => (got = true);
    port2.postMessage('cancel');
    for (let i = 0; i < 3 && !got; i++) await yieldToEventLoop();
    port1.close();
    expect(got).toBe(true);
  });
}
