// The gradient check a custom block passes before training (src/lab/block-check.ts): each kind of broken block
// gets its own message naming the problem, and nothing is left behind by the check. (An endless loop is the
// worker's timeout's to end, not the check's.)
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { checkBlock } from '~/lab/block-check';
import type { BlockDefinition, BlockFn } from '~/lab/custom-block';
import { presetBlock } from '~/lab/blocks';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

/** Check a block and expect its first problem; the check must not leak, whatever the block does. */
function problemOf(def: BlockDefinition | Record<string, unknown>) {
  const before = tf.memory().numTensors;
  const r = checkBlock(def);
  const leftover = tf.memory().numTensors - before;
  return { ...r, leftover };
}

const residual = (f: BlockFn): BlockDefinition => ({ block: f });

test('a preset passes and reports the parameters it compared with finite differences', () => {
  const r = checkBlock(presetBlock('pre-ln'));
  expect(r).toEqual({
    ok: true,
    checked: ['dec.0.self.blk.g', 'dec.0.self.blk.b', 'dec.1.ffn.blk.g', 'dec.final.blk.g', 'dec.0.self.wqkv', 'dec.1.ffn.w1', 'embed'],
  });
});

test('wrong output shape: names the site, the expected [tokens, d] and what came back', () => {
  const r = problemOf(residual((tf, x, F) => tf.concat([x, F(x)], 1)));
  expect(r).toMatchObject({ ok: false, problem: 'shape' });
  expect(r.ok || r.message).toMatch(
    /block\(\) at dec\.0\.self must return the stream's shape \[tokens, d\] = \[\d+, 8\], got a tensor of shape \[\d+, 16\]/,
  );
  expect(problemOf(residual(() => undefined as unknown as tf.Tensor2D))).toMatchObject({
    problem: 'shape',
    message: expect.stringMatching(/got undefined/),
  });
  expect(r.leftover).toBe(0);
});

test('NaN in the output: names the site and counts the values', () => {
  const r = problemOf(residual((tf, x, F) => tf.add(x, tf.sqrt(tf.sub(F(x), 10))))); // sqrt of negatives
  expect(r).toMatchObject({ ok: false, problem: 'non-finite' });
  expect(r.ok || r.message).toMatch(/block\(\) at dec\.0\.self returned \d+ NaN\/Inf values of \d+ from a finite input/);
  expect(r.leftover).toBe(0);
});

test('a tensor kept outside tf.tidy: says how many leak per forward pass', () => {
  const kept: tf.Tensor[] = [];
  const r = problemOf(
    residual((tf, x, F) => {
      const f = tf.keep(F(x));
      kept.push(f);
      return tf.add(x, f);
    }),
  );
  expect(r).toMatchObject({ ok: false, problem: 'leak' });
  expect(r.ok || r.message).toMatch(/the block leaks 4 tensors per forward pass \(4 sublayers\)/);
  tf.dispose(kept); // the block's own leak, not the check's
});

test("an op with no gradient (topk, sorting each token's features): names the op", () => {
  const r = problemOf(residual((tf, x, F, _p, { d }) => tf.add(x, tf.topk(F(x), d).values as tf.Tensor2D)));
  expect(r).toMatchObject({ ok: false, problem: 'no-gradient' });
  expect(r.ok || r.message).toMatch(/^op TopK has no gradient on the wasm backend/);
  expect(r.leftover).toBe(0);
});

test('a wrong gradient (a tf.customGrad that returns 3·dy for 2·h): names the parameter and both values', () => {
  const twice = tf.customGrad(((h: tf.Tensor) => ({ value: tf.mul(h, 2), gradFunc: (dy: tf.Tensor) => tf.mul(dy, 3) })) as never) as (
    h: tf.Tensor,
  ) => tf.Tensor2D;
  const r = problemOf(residual((tf, x, F) => tf.add(x, twice(F(x)))));
  expect(r).toMatchObject({ ok: false, problem: 'gradient-mismatch' });
  expect(r.ok || r.message).toMatch(
    /the gradient of dec\.0\.self\.wqkv disagrees with finite differences: \S+ computed, \S+ measured \(relative error \S+ > 0\.02\)/,
  );
  expect(r.leftover).toBe(0);
});

test('a module that is not a block, a bad parameter spec, a block that throws: each named', () => {
  expect(problemOf({ params: () => ({}) })).toMatchObject({
    problem: 'definition',
    message: expect.stringMatching(/must export a function block/),
  });
  expect(problemOf({ block: (_: unknown, x: unknown) => x, params: () => ({ g: { shape: [8], init: 'one' } }) })).toMatchObject({
    problem: 'definition',
    message: expect.stringMatching(/params\(\): parameter 'g' init must be 'zeros', 'ones', 'glorot' or a finite number, got "one"/),
  });
  const r = problemOf(
    residual(() => {
      throw new TypeError('p.gain is undefined');
    }),
  );
  expect(r).toMatchObject({ problem: 'error', message: 'the block threw: p.gain is undefined', leftover: 0 });
});
