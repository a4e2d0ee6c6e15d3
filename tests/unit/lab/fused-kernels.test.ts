// Each fused kernel of src/lab/kernels (attention products in WebAssembly SIMD included) gives what the same computation written with TF.js ops gives, forward
// and backward, on WASM and CPU; the squared-norms kernel sums like tf ops; the shared Identity keeps a clone alive.
import { beforeAll, afterAll, expect, test, vi } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { attentionApply, attentionScores } from '~/lab/kernels/attention-matmul';
import { attentionSoftmax } from '~/lab/kernels/attention-softmax';
import { denseKernel } from '~/lab/kernels/dense';
import { layerNormKernel } from '~/lab/kernels/layer-norm';
import { logSoftmaxKernel } from '~/lab/kernels/log-softmax';
import { matMul2dKernel } from '~/lab/kernels/matmul-2d';
import { createModel, forward, maskedCrossEntropy } from '~/lab/model';
import { encodeBatch, makeTask, taskModelFields } from '~/lab/tasks';
import { splitHeads } from '~/lab/kernels/split-heads';
import { squaredNorms } from '~/lab/kernels/squared-norms';
import { expTestBinary, simdFailure, simdKernels, simdKernelsBinary } from '~/lab/kernels/simd-kernels';
import { kernelIO } from '~/lab/kernels/io';
import { makeRng } from '~/lab/rng';

// Start WASM once, with time to spare on a busy machine (a start cut short by a test timeout cannot be retried).
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
}, 60_000);

const backends = ['wasm', 'cpu'] as const;
const random = (shape: number[], seed: number) => {
  const r = makeRng(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.normal()),
    shape,
  );
};

/** Values and gradients (of Σ f(inputs)·weights) of the fused and the reference function agree. */
function expectSame(inputs: tf.Tensor[], fused: (...x: tf.Tensor[]) => tf.Tensor, reference: (...x: tf.Tensor[]) => tf.Tensor, tol = 1e-4) {
  tf.tidy(() => {
    const out = fused(...inputs);
    const weights = random(out.shape, 99);
    const run = (f: (...x: tf.Tensor[]) => tf.Tensor) => {
      const value = f(...inputs);
      const grads = tf.grads((...x: tf.Tensor[]) => tf.sum(tf.mul(f(...x), weights)))(inputs);
      return [value, ...grads].map((t) => Array.from(t.dataSync()));
    };
    const [a, b] = [run(fused), run(reference)];
    a.forEach((values, i) => {
      expect(values.length).toBe(b[i]!.length);
      const scale = Math.max(1, ...b[i]!.map(Math.abs));
      values.forEach((v, j) => expect(Math.abs(v - b[i]![j]!), `output ${i} element ${j}`).toBeLessThanOrEqual(tol * scale));
    });
  });
}

for (const backend of backends) {
  // d 16: the SIMD module on WASM; d 6: JS (not a multiple of 4).
  for (const d of [16, 6])
    test(`${backend}: LayerNorm kernel (d ${d}) = moments formula, forward and backward`, async () => {
      await initBackend({ prefer: backend });
      const [x, g, b] = [random([24, d], 1), random([d], 2), random([d], 3)];
      expectSame(
        [x, g, b],
        (x, g, b) => layerNormKernel(x as tf.Tensor2D, g!, b!, 1e-5),
        (x, g, b) => {
          const { mean, variance } = tf.moments(x!, -1, true);
          return tf.add(tf.mul(tf.div(tf.sub(x!, mean), tf.sqrt(tf.add(variance, 1e-5))), g!), b!);
        },
      );
      tf.dispose([x, g, b]);
    });

  // On WASM: [12, 8] and [80, 64] run all three products in the SIMD module; [10, 8] the forward only (dx has
  // width 10); [12, 10] none (width not a multiple of 4).
  for (const [relu, n, m] of [
    [false, 12, 8],
    [true, 12, 8],
    [true, 80, 64],
    [true, 10, 8],
    [false, 12, 10],
  ] as const) {
    test(`${backend}: dense kernel ${n}×${m}${relu ? ' with ReLU' : ''} = matMul + bias${relu ? ' + relu' : ''}, forward and backward`, async () => {
      await initBackend({ prefer: backend });
      const [x, w, b] = [random([20, n], 4), random([n, m], 5), random([m], 6)];
      expectSame(
        [x, w, b],
        (x, w, b) => denseKernel(x as tf.Tensor2D, w!, b!, relu),
        (x, w, b) => {
          const y = tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b!);
          return relu ? tf.relu(y) : y;
        },
      );
      tf.dispose([x, w, b]);
    });
  }

  for (const causal of [false, true]) {
    test(`${backend}: attention softmax kernel${causal ? ' (causal)' : ''} = scale, mask, softmax, forward and backward`, async () => {
      await initBackend({ prefer: backend });
      const s = random([2, 3, 5, 5], 7);
      const mask = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([5, 5]), -1, 0)), -1e9);
      expectSame(
        [s],
        (s) => attentionSoftmax(s as tf.Tensor4D, 0.5, causal),
        (s) => tf.softmax(causal ? tf.add(tf.mul(s!, 0.5), mask) : tf.mul(s!, 0.5)),
      );
      // Above the diagonal the causal weights are exactly 0, and every row sums to 1.
      const w = tf.tidy(() => attentionSoftmax(s as tf.Tensor4D, 0.5, causal).arraySync() as number[][][][]);
      for (const row of w.flat(2)) expect(Math.abs(row.reduce((a, v) => a + v, 0) - 1)).toBeLessThan(1e-6);
      if (causal) expect(w[1]![2]![1]!.slice(2).every((v) => v === 0)).toBe(true);
      tf.dispose([s, mask]);
    });
  }

  // dh 8 takes the SIMD module on WASM, dh 6 (not a multiple of 4) the backend's own BatchMatMul.
  for (const dh of [8, 6]) {
    test(`${backend}: attention products (head size ${dh}) = batched matMul, forward and backward`, async () => {
      await initBackend({ prefer: backend });
      const [q, k, w] = [random([2, 3, 5, dh], 13), random([2, 3, 7, dh], 14), random([2, 3, 5, 7], 15)];
      expectSame(
        [q, k],
        (q, k) => attentionScores(q as tf.Tensor4D, k as tf.Tensor4D),
        (q, k) => tf.matMul(q!, k!, false, true),
      );
      expectSame(
        [w, k],
        (w, v) => attentionApply(w as tf.Tensor4D, v as tf.Tensor4D),
        (w, v) => tf.matMul(w!, v!),
      );
      tf.dispose([q, k, w]);
    });
  }

  // dh 4: the SIMD module's copy on WASM; dh 6: the JS loop.
  for (const dh of [4, 6])
    test(`${backend}: split-heads kernel (dh ${dh}) = reshape, transpose, split, forward and backward`, async () => {
      await initBackend({ prefer: backend });
      const [B, T, n, H] = [2, 3, 3, 2];
      const x = random([B * T, n * H * dh], 8);
      for (let k = 0; k < n; k++) {
        expectSame(
          [x],
          (x) => splitHeads(x as tf.Tensor2D, B, T, n, H)[k]!,
          (x) => {
            const t = tf.transpose(tf.reshape(x!, [B, T, n * H, dh]), [0, 2, 1, 3]);
            return tf.split(t, n, 1)[k]!;
          },
          0,
        );
      }
      x.dispose();
    });
}

test('wasm: a clone shares the buffer and outlives its source', async () => {
  await initBackend({ prefer: 'wasm' });
  const before = tf.memory().numTensors;
  const a = tf.tensor1d([1, 2, 3]);
  const c = tf.clone(a);
  expect(c.dataId).toBe(a.dataId); // one buffer for both
  a.dispose();
  expect(Array.from(c.dataSync())).toEqual([1, 2, 3]);
  c.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

afterAll(() => void initBackend({ prefer: 'wasm' }));

for (const backend of backends) {
  test(`${backend}: squared-norms kernel = square and sum per tensor`, async () => {
    await initBackend({ prefer: backend });
    const xs = [random([7, 5], 10), random([3], 11), random([4, 4], 12)];
    const got = tf.tidy(() => Array.from(squaredNorms(xs).dataSync()));
    const want = tf.tidy(() => xs.map((x) => tf.sum(tf.square(x)).dataSync()[0]!));
    got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-5 * want[i]!));
    tf.dispose(xs);
  });
}

test('wasm: the SIMD module binds to the backend memory (the attention products take it)', async () => {
  await initBackend({ prefer: 'wasm' });
  const memory = (tf.backend() as unknown as { wasm: { asm: { memory: WebAssembly.Memory } } }).wasm.asm.memory;
  expect(memory).toBeInstanceOf(WebAssembly.Memory);
  expect(simdKernels(memory)).not.toBeNull();
  expect(WebAssembly.validate(simdKernelsBinary())).toBe(true);
});

// The SIMD module's mm adds bias + Σ_k a·b in k order on every path (4×8 blocks, leftover rows, leftover columns),
// as XNNPACK does: its results equal a sequential float32 sum and TF.js's own (fused) matMul bit for bit, so
// moving a product between them moves no stored run.
test('wasm: SIMD mm = bias + Σ_k in k order, bit for bit (= XNNPACK), blocks and leftovers, Aᵀ, batches, ReLU', async () => {
  await initBackend({ prefer: 'wasm' });
  const io = kernelIO(tf.backend());
  const simd = simdKernels(io.memory!)!;
  const offset = (t: tf.Tensor) => io.offset({ dataId: t.dataId, shape: t.shape, dtype: t.dtype });
  const bits = (xs: ArrayLike<number>) => Array.from(xs, (v) => (Object.is(v, -0) ? '-0' : String(v)));
  // [M, K, N, batch, transposed A, bias, relu]: 9 rows and 20 columns leave a row and a column block over.
  const cases = [
    [9, 7, 20, 1, false, true, true],
    [8, 16, 32, 1, false, true, false],
    [9, 5, 12, 1, true, false, false],
    [5, 6, 8, 3, false, false, false],
    [4, 3, 4, 2, true, true, true],
  ] as const;
  for (const [M, K, N, batch, transposed, withBias, relu] of cases) {
    tf.tidy(() => {
      const a = random(transposed ? [batch, K, M] : [batch, M, K], 40);
      const b = random([batch, K, N], 41);
      const bias = withBias ? random([N], 42) : tf.zeros([N]);
      const c = tf.zeros([batch, M, N]);
      simd.mm(
        offset(a),
        offset(b),
        offset(c),
        batch,
        M,
        K,
        N,
        transposed ? 1 : K,
        transposed ? M : 1,
        withBias ? offset(bias) : 0,
        relu ? 1 : 0,
      );
      const [A, B, BI] = [a.dataSync(), b.dataSync(), bias.dataSync()];
      const want = new Float32Array(batch * M * N);
      for (let p = 0; p < batch; p++)
        for (let i = 0; i < M; i++)
          for (let j = 0; j < N; j++) {
            let sum = BI[j]!;
            for (let k = 0; k < K; k++) {
              const aik = A[p * M * K + (transposed ? k * M + i : i * K + k)]!;
              sum = Math.fround(sum + Math.fround(aik * B[p * K * N + k * N + j]!));
            }
            want[p * M * N + i * N + j] = relu ? (0 < sum ? sum : 0) : sum;
          }
      const label = `${M}×${K}×${N}, batch ${batch}${transposed ? ', Aᵀ' : ''}`;
      expect(bits(c.dataSync()), label).toEqual(bits(want));
      const at = transposed ? tf.transpose(a, [0, 2, 1]) : a;
      const xnn = tf.fused.matMul({ a: at as tf.Tensor3D, b: b as tf.Tensor3D, bias, activation: relu ? 'relu' : 'linear' });
      if (batch === 1) expect(bits(c.dataSync()), `${label}: TF.js`).toEqual(bits(xnn.dataSync()));
    });
  }
});

// V8 computes Math.exp with fdlibm's algorithm, and so does the module's exp: equal bit for bit here (Node), so the
// softmax moved into the module changes no stored run. Chromium's V8 has its own exp, so a page differs from Node there
// in the last bits, as it did when the softmax ran in JS.
test('the SIMD module’s exp (fdlibm’s) = Math.exp bit for bit, over 3 million inputs and the edge cases', () => {
  const simd = new WebAssembly.Instance(new WebAssembly.Module(expTestBinary())).exports as { exp(x: number): number };
  const r = makeRng(99);
  const edges = [0, -0, 1e-300, -1e-9, -0.3, -0.35, -0.5, -1, -1.04, -2, -20, -700, -709.8, -720, -745.1, -745.2, -1000, -Infinity];
  const xs = [...edges, ...[0.3, 1.04, 2, 50, 709.7, 709.8, Infinity, NaN]];
  for (let i = 0; i < 3e6; i++) xs.push(i % 3 === 0 ? -r.next() * 750 : i % 3 === 1 ? -r.next() * 20 : (r.next() - 0.5) * 4);
  const differ = xs.filter((x) => !Object.is(simd.exp(x), Math.exp(x)));
  expect(differ.slice(0, 5).map((x) => `exp(${x}): ${simd.exp(x)} vs ${Math.exp(x)}`)).toEqual([]);
});

test('wasm: the attention softmax in the SIMD module = its JS loop (the CPU backend’s) bit for bit, causal or not', async () => {
  for (const causal of [false, true])
    for (const [shape, scale] of [
      [[2, 4, 16, 16], 0.25],
      [[3, 2, 7, 7], 0.35355339059327373],
      [[1, 1, 9, 9], 40], // large scaled scores: exp of arguments far below 0, some underflowing to 0
    ] as const) {
      const values = Array.from(tf.tidy(() => tf.mul(random([...shape], 5), 3).dataSync()));
      const weights = async (backend: 'wasm' | 'cpu') => {
        await initBackend({ prefer: backend });
        return tf.tidy(() => Array.from(attentionSoftmax(tf.tensor4d(values, [...shape]), scale, causal).dataSync()));
      };
      const [wasm, cpu] = [await weights('wasm'), await weights('cpu')];
      const differ = wasm.flatMap((v, i) => (Object.is(v, cpu[i]) ? [] : [`${i}: ${v} vs ${cpu[i]}`]));
      expect(differ.slice(0, 5), `${shape} causal ${causal}`).toEqual([]);
    }
  await initBackend({ prefer: 'wasm' });
});

test('wasm: Add of two same-shape tensors runs in the SIMD module; broadcasting still uses TF.js', async () => {
  await initBackend({ prefer: 'wasm' });
  tf.tidy(() => {
    const [a, b] = [random([6, 8], 16), random([6, 8], 17)];
    const [A, B] = [a.dataSync(), b.dataSync()];
    expect(Array.from(tf.add(a, b).dataSync())).toEqual(Array.from(A, (v, i) => Math.fround(v + B[i]!)));
    const row = random([8], 18);
    const R = row.dataSync();
    expect(Array.from(tf.add(a, row).dataSync())).toEqual(Array.from(A, (v, i) => Math.fround(v + R[i % 8]!)));
    const odd = [random([3, 3], 19), random([3, 3], 20)] as const; // 9 elements: TF.js's kernel
    const [O1, O2] = [odd[0].dataSync(), odd[1].dataSync()];
    expect(Array.from(tf.add(odd[0], odd[1]).dataSync())).toEqual(Array.from(O1, (v, i) => Math.fround(v + O2[i]!)));
  });
});

for (const backend of backends) {
  // Bit for bit (tolerance 0): these two kernels replace a tf.customGrad with the same ops, so no stored run moves.
  test(`${backend}: 2-D matMul kernel = the custom gradient it replaces (dy·bᵀ, aᵀ·dy), bit for bit`, async () => {
    await initBackend({ prefer: backend });
    const customGradMatMul = tf.customGrad(((a: tf.Tensor2D, b: tf.Tensor2D, save: tf.GradSaveFunc) => {
      save([a, b]);
      return {
        value: tf.matMul(a, b),
        gradFunc: (dy: tf.Tensor, [as, bs]: tf.Tensor[]) => [
          tf.matMul(dy as tf.Tensor2D, tf.transpose(bs!)),
          tf.matMul(tf.transpose(as!), dy as tf.Tensor2D),
        ],
      };
    }) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
    expectSame(
      [random([24, 12], 31), random([12, 16], 32)],
      (a, b) => matMul2dKernel(a as tf.Tensor2D, b as tf.Tensor2D),
      (a, b) => customGradMatMul(a!, b!),
      0,
    );
  });

  test(`${backend}: log-softmax kernel = tf.logSoftmax, forward and backward, bit for bit`, async () => {
    await initBackend({ prefer: backend });
    expectSame(
      [tf.mul(random([24, 11], 33), 4)],
      (x) => logSoftmaxKernel(x as tf.Tensor2D),
      (x) => tf.logSoftmax(x!),
      0,
    );
  });
}

// A tf.customGrad node keys its inputs by position (0, 1); after such a node, V8's Maglev compiler (Chromium, Node 24)
// deoptimizes TF.js's tape walk (getFilteredNodesXToY) at every gradient and compiles it again.
test('a training step records no tape node whose inputs are keyed by position', async () => {
  await initBackend({ prefer: 'wasm' });
  for (const arch of ['decoder', 'encdec'] as const) {
    const task = makeTask('running-sum');
    const model = createModel({ arch, nLayers: 1, nEncLayers: 1, dModel: 16, seed: 1, ...taskModelFields(task, arch) });
    const batch = encodeBatch(task, model.config, task.sample(makeRng(1), 4), 'answer');
    const positional: string[] = [];
    tf.tidy(() => {
      tf.variableGrads(() => {
        const loss = maskedCrossEntropy(forward(model, batch), batch.target, batch.mask);
        const tape = (tf.engine() as unknown as { state: { activeTape: { kernelName: string; inputs: object }[] } }).state.activeTape;
        for (const node of tape) if (Object.keys(node.inputs).some((k) => /^\d+$/.test(k))) positional.push(node.kernelName);
        return loss;
      }, [...model.params.values()]);
    });
    model.dispose();
    expect(positional, `${arch}: tape nodes with positional inputs`).toEqual([]);
  }
});

test('a SIMD module that cannot start is reported with its reason', () => {
  // Something that is not a WebAssembly memory makes instantiation fail, as a browser without SIMD would.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  expect(simdKernels({} as WebAssembly.Memory)).toBeNull();
  expect(simdFailure()).toMatch(/SIMD kernels could not start \(.+\); TF.js's own kernels run instead/);
  expect(warn).toHaveBeenCalledOnce();
  warn.mockRestore();
});
