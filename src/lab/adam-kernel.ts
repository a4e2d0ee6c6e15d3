// One fused Adam update for every trainable tensor, as a TF.js kernel on the WASM and CPU backends.
// Why: written with tf ops, Adam costs ~11 kernels per tensor (~850 per step for the reference model),
// each with ~10 µs of dispatch; one kernel looping over the same numbers (SIMD on WASM, JS otherwise) costs a
// fraction of that.
// Every operation is rounded to float32 (Math.fround) in the order the tf-op version used, so results are
// bit-identical to it: m' = m·β1 + g·(1−β1); v' = v·β2 + g²·(1−β2); θ' = θ − (m' / (√v' + ε))·lrT.
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth } from './kernels/io';
import { simdKernels } from './kernels/simd-kernels';

export const ADAM_KERNEL = 'LabAdamUpdate';

export interface AdamConstants {
  beta1: number;
  beta2: number;
  epsilon: number;
  /** The learning rate with both bias corrections folded in. */
  lrT: number;
}

type Arr = Float32Array;
interface Views {
  p: Arr;
  m: Arr;
  v: Arr;
  g: Arr;
  p2: Arr;
  m2: Arr;
  v2: Arr;
}

/** The update of one tensor; `scale` multiplies the gradient (global-norm clipping) unless null. */
function updateOne({ p, m, v, g, p2, m2, v2 }: Views, c: AdamConstants, scale: number | null): void {
  const f = Math.fround;
  const b1 = f(c.beta1),
    ob1 = f(1 - c.beta1),
    b2 = f(c.beta2),
    ob2 = f(1 - c.beta2),
    eps = f(c.epsilon),
    lr = f(c.lrT);
  const s = scale === null ? 0 : f(scale);
  const s2 = f(s * s);
  for (let i = 0; i < p.length; i++) {
    const gr = g[i]!;
    const g2 = f(gr * gr);
    const gi = scale === null ? gr : f(gr * s);
    const gi2 = scale === null ? g2 : f(g2 * s2);
    const mi = f(f(m[i]! * b1) + f(gi * ob1));
    const vi = f(f(v[i]! * b2) + f(gi2 * ob2));
    m2[i] = mi;
    v2[i] = vi;
    p2[i] = f(p[i]! - f(f(mi / f(f(Math.sqrt(vi)) + eps)) * lr));
  }
}

interface AdamAttrs extends AdamConstants {
  count: number;
  clipped: boolean;
}

function kernelFunc({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: unknown }): tf.TensorInfo[] {
  const a = attrs as unknown as AdamAttrs;
  const io = kernelIO(backend);
  const input = (k: string) => inputs[k]!;
  // All outputs first: on WASM an allocation may grow the heap and detach views taken before it.
  const outputs = Array.from({ length: a.count }, (_, i) => [0, 1, 2].map(() => io.alloc(input(`p${i}`).shape))).flat();
  const scale = a.clipped ? io.view(input('scale'))[0]! : null;
  const simd = io.memory ? simdKernels(io.memory) : null;
  const f = Math.fround;
  for (let i = 0; i < a.count; i++) {
    const mine = outputs.slice(3 * i, 3 * i + 3);
    const size = mine[0]!.shape.reduce((x, y) => x * y, 1);
    if (simd && size % 4 === 0) {
      // The same float32 operations in the same order as updateOne, four at a time (×1 is exact when unclipped).
      const s = scale === null ? 1 : f(scale);
      const [p, m, v, g] = ['p', 'm', 'v', 'g'].map((k) => io.offset(input(`${k}${i}`)));
      const [p2, m2, v2] = mine.map(io.offset);
      simd.adam(p!, m!, v!, g!, p2!, m2!, v2!, size, a.beta1, 1 - a.beta1, a.beta2, 1 - a.beta2, a.epsilon, a.lrT, s, f(s * s));
      continue;
    }
    const [p2, m2, v2] = mine.map(io.view);
    const [p, m, v, g] = ['p', 'm', 'v', 'g'].map((k) => io.view(input(`${k}${i}`)));
    updateOne({ p: p!, m: m!, v: v!, g: g!, p2: p2!, m2: m2!, v2: v2! }, a, scale);
  }
  return outputs;
}

registerBoth(ADAM_KERNEL, kernelFunc);

/**
 * Adam on every tensor at once: returns [θ', m', v'] per tensor. `scale` (a scalar tensor) multiplies the
 * gradients first (clipping), or null. Float32 tensors only; backends 'wasm' and 'cpu'.
 */
export function adamUpdate(
  params: tf.Tensor[],
  m: tf.Tensor[],
  v: tf.Tensor[],
  grads: tf.Tensor[],
  scale: tf.Scalar | null,
  c: AdamConstants,
): [tf.Tensor, tf.Tensor, tf.Tensor][] {
  const inputs: Record<string, tf.Tensor> = {};
  params.forEach((p, i) => {
    inputs[`p${i}`] = p;
    inputs[`m${i}`] = m[i]!;
    inputs[`v${i}`] = v[i]!;
    inputs[`g${i}`] = grads[i]!;
  });
  if (scale) inputs.scale = scale;
  const attrs = { ...c, count: params.length, clipped: scale !== null };
  const out = tf.engine().runKernel(ADAM_KERNEL, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
  return params.map((_, i) => [out[3 * i]!, out[3 * i + 1]!, out[3 * i + 2]!]);
}
