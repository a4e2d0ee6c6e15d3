// By construction, not by measurement: at initialization every LayerNorm has γ = 1 and β = 0, so in Post-LN
// each token leaving a block has mean 0 and variance 1 over its d features, hence norm √d (up to ε), whatever
// the depth. The page says so as a fact about the architecture; this test keeps the lab honest about it.
import { beforeAll, expect, test } from 'vitest';
import { initBackend } from '~/lab/backend';
import { createModel } from '~/lab/model';
import { forwardStats } from '~/lab/instruments';
import { reverseTask, taskModelFields } from '~/lab/tasks';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
}, 60_000);

test.each([16, 32])('Post-LN at initialization: every token leaves every block with norm √d (d = %i)', (d) => {
  const task = reverseTask(8, 6);
  const model = createModel({ ...taskModelFields(task), dModel: d, nHeads: 4, nLayers: 6, norm: 'post', seed: 2 });
  const { layers } = forwardStats(model, task, { seed: 3, batchSize: 8 });
  model.dispose();
  const blocks = layers.filter((l) => l.name.startsWith('dec.') && l.name !== 'dec.input');
  expect(blocks).toHaveLength(6);
  for (const b of blocks) expect(b.norm, b.name).toBeCloseTo(Math.sqrt(d), 3);
});
