// When the WASM binaries cannot be loaded, the lab falls back to the CPU backend and says why.
import { expect, test } from 'vitest';
import { initBackend } from '~/lab/backend';

test('missing .wasm files → CPU backend with the reason', async () => {
  const info = await initBackend({ prefer: 'wasm', wasmPath: '/nonexistent-dir/' });
  expect(info.backend).toBe('cpu');
  expect(info.fallbackReason).toMatch(/returned false: are the tfjs-backend-wasm\*\.wasm files at \/nonexistent-dir\/\?/);
});

test('asking for WASM again in the same process gives the same reason, without a retry', async () => {
  const first = await initBackend({ prefer: 'wasm', wasmPath: '/nonexistent-dir/' });
  const again = await initBackend({ prefer: 'wasm' });
  expect(again).toEqual({ ...first });
});
