// Parameter counts equal their closed-form formulas; concatenation adds 2d²+d per sublayer.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel, countParams, forward } from '~/lab/model';
import { paramCountFormula } from '~/lab/params';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

const d = 16,
  V = 10,
  L = 3,
  dff = 64;
const attn = 4 * d * d + 4 * d,
  ffn = 2 * d * dff + dff + d,
  ln = 2 * d;

test.each([
  ['decoder', 'residual', 'post', false, false],
  ['decoder', 'residual', 'pre', true, false],
  ['decoder', 'concat', 'none', false, true],
  ['decoder', 'highway', 'pre', false, false],
  ['encdec', 'residual', 'post', false, false],
  ['encdec', 'concat', 'pre', true, true],
] as const)('%s %s %s tied=%s learned=%s: created = formula', (arch, connection, norm, tiedOutput, learned) => {
  const m = createModel({
    arch,
    connection,
    norm,
    tiedOutput,
    positions: learned ? 'learned' : 'sinusoidal',
    vocabSize: V,
    maxLen: 12,
    dModel: d,
    nHeads: 4,
    nLayers: L,
    dFF: dff,
  });
  expect(countParams(m)).toBe(paramCountFormula(m.config));
  m.dispose();
});

test('hand formula for a 3-layer decoder-only Post-LN residual model', () => {
  const m = createModel({ vocabSize: V, maxLen: 12, dModel: d, nHeads: 4, nLayers: L, dFF: dff, norm: 'post' });
  expect(countParams(m)).toBe(V * d + L * (attn + ffn + 2 * ln) + d * V + V);
  m.dispose();
});

test('concatenation + projection: each sublayer gets a 2d×d weight and a d bias, i.e. +2d²+d', () => {
  const tensorsBefore = tf.memory().numTensors; // other files may share this process (the unit project is not isolated)
  const mk = (connection: 'residual' | 'concat') =>
    createModel({ connection, vocabSize: V, maxLen: 12, dModel: d, nHeads: 4, nLayers: L, dFF: dff });
  const r = mk('residual'),
    c = mk('concat');
  expect(c.params.get('dec.1.ffn.cat_w')!.shape).toEqual([2 * d, d]);
  expect(c.params.get('dec.1.self.cat_b')!.shape).toEqual([d]);
  expect(countParams(c) - countParams(r)).toBe(2 * L * (2 * d * d + d));
  r.dispose();
  c.dispose();
  expect(tf.memory().numTensors).toBe(tensorsBefore);
});

test("concatenation with concatInit 'identity' starts as exactly an addition: [x, F]·[I; I] + 0 = x + F", () => {
  const mk = (connection: 'residual' | 'concat') =>
    createModel({
      connection,
      concatInit: 'identity',
      norm: 'pre',
      vocabSize: V,
      maxLen: 12,
      dModel: d,
      nHeads: 4,
      nLayers: L,
      dFF: dff,
      seed: 3,
    });
  const r = mk('residual'),
    c = mk('concat');
  const w = c.params.get('dec.0.self.cat_w')!.arraySync() as number[][];
  expect(w).toEqual(Array.from({ length: 2 * d }, (_, i) => Array.from({ length: d }, (_, j) => (i % d === j ? 1 : 0))));
  const decIn = Int32Array.from({ length: 2 * 8 }, (_, i) => (i * 7) % V);
  // Every other weight comes from its own named random stream, so both models share them: the outputs agree.
  const [yr, yc] = [r, c].map((m) => tf.tidy(() => forward(m, { B: 2, T: 8, decIn }).arraySync() as number[][]));
  expect(
    yc
      .flat()
      .map((v, i) => Math.abs(v - yr.flat()[i]!))
      .reduce((a, b) => Math.max(a, b), 0),
  ).toBeLessThan(1e-5);
  r.dispose();
  c.dispose();
});

test('tying the output projection to the embedding (Vas17 §3.4) removes exactly the d × V output matrix, in both architectures', () => {
  for (const arch of ['decoder', 'encdec'] as const) {
    const mk = (tiedOutput: boolean) =>
      createModel({ arch, tiedOutput, vocabSize: V, maxLen: 12, dModel: d, nHeads: 4, nLayers: 2, dFF: dff, seed: 5 });
    const [untied, tied] = [mk(false), mk(true)];
    expect(countParams(untied) - countParams(tied)).toBe(d * V);
    expect(untied.params.has('out.w')).toBe(true);
    expect(tied.params.has('out.w')).toBe(false);
    expect(tied.params.has('out.b')).toBe(true); // the output bias stays
    untied.dispose();
    tied.dispose();
  }
});
