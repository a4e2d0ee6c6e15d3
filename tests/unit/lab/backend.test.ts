// WASM and the pure-JS CPU backend agree: forward loss, gradient norms and a few Adam steps.
// Tolerance: relative 1e-4 on the initial loss and gradient norms (float32 kernels summing in different
// orders differ by ~1e-6 relative), and 1e-3 on losses after 3 steps (Adam divides by √v, which amplifies
// tiny differences in small gradients).
import { beforeAll, afterAll, expect, test } from 'vitest';
import { initBackend } from '~/lab/backend';
import { createModel } from '~/lab/model';
import { reverseTask, taskModelFields } from '~/lab/tasks';
import { train } from '~/lab/train';
import { gradientNorms } from '~/lab/instruments';

// Start WASM once, with time to spare on a busy machine (a start cut short by a test timeout cannot be retried).
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
}, 60_000);

const task = reverseTask(8, 4);

async function measure(backend: 'wasm' | 'cpu') {
  const info = await initBackend({ prefer: backend });
  expect(info.backend).toBe(backend);
  const m = createModel({ ...taskModelFields(task), dModel: 16, nHeads: 2, nLayers: 2, norm: 'post', seed: 4 });
  const g = gradientNorms(m, task, { batchSize: 8 });
  const r = await train(m, task, { steps: 3, batchSize: 8 });
  m.dispose();
  return { g, losses: r.history.loss };
}

afterAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

test('WASM and CPU agree within the stated tolerance', async () => {
  const w = await measure('wasm');
  const c = await measure('cpu');
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
  expect(rel(w.g.loss, c.g.loss)).toBeLessThan(1e-4);
  for (const k of Object.keys(w.g.byLayer)) expect(rel(w.g.byLayer[k]!, c.g.byLayer[k]!), k).toBeLessThan(1e-4);
  w.losses.forEach((l, i) => expect(rel(l, c.losses[i]!)).toBeLessThan(1e-3));
});

test('a bad backend name is refused with the allowed values', async () => {
  await expect(initBackend({ prefer: 'webgl' as never })).rejects.toThrow(/backend must be one of 'wasm' \| 'cpu', got "webgl"/);
});

test('on WASM the report says whether our SIMD kernels run (they do under Node)', async () => {
  const info = await initBackend({ prefer: 'wasm' });
  expect(info.backend).toBe('wasm');
  expect(info.simd).toEqual({ on: true });
});
