// The block lab's run (src/block-lab/run.ts): the Post-LN and Pre-LN presets, written in plain tf ops, give the stock
// wrappers' numbers at initialization on the same seed (up to float rounding: the stock LayerNorm is a fused kernel),
// and a broken block stops the run at its check, naming the problem, before anything trains.
import { beforeAll, expect, it } from 'vitest';
import { initBackend } from '~/lab/backend';
import { createLab, type LabFacade } from '~/lab/facade';
import { presetBlock } from '~/lab/blocks';
import { BlockCheckFailed, measureAtInit, runBlockLab } from '~/block-lab/run';

let lab: LabFacade;
beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
  lab = await createLab({ backend: 'wasm' });
});

const close = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(Math.abs(x - b[i]!), `index ${i}: ${x} vs ${b[i]}`).toBeLessThanOrEqual(1e-4 * Math.abs(b[i]!) + 1e-6));
};

it.each([
  ['post-ln', 'post'],
  ['pre-ln', 'pre'],
] as const)('the %s preset measures as the stock wrapper at initialization', (preset, norm) => {
  const mine = measureAtInit(lab, presetBlock(preset), {}, 3);
  const stock = measureAtInit(lab, undefined, { connection: 'residual', norm }, 3);
  close(mine.streamGradient, stock.streamGradient);
  close(mine.weightGradient, stock.weightGradient);
  close(mine.streamNorm, stock.streamNorm);
  close(mine.branchRatio, stock.branchRatio);
});

it('a block of the wrong shape stops the run at its check, naming the problem', async () => {
  const broken = 'export function block(tf, x, F) { return tf.concat([x, F(x)], 1); }';
  const err = await runBlockLab(broken, { seed: 1, backend: 'wasm' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BlockCheckFailed);
  expect((err as BlockCheckFailed).problem).toBe('shape');
  expect((err as Error).message).toMatch(/must return the stream's shape/);
});
