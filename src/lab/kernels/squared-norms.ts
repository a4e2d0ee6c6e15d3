// ‖g‖² of every gradient tensor as one kernel (a [n] tensor), on WASM and CPU: written with tf ops it took a
// square and a sum per tensor plus a stack (~155 kernels per reference step). Sums run in float64.
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth } from './io';

export const SQUARED_NORMS = 'LabSquaredNorms';

registerBoth(SQUARED_NORMS, ({ inputs, backend, attrs }) => {
  const io = kernelIO(backend);
  const { count } = attrs as { count: number };
  const out = io.alloc([count]);
  const sums = Array.from({ length: count }, (_, i) => {
    const x = io.view(inputs[`x${i}`]!);
    let s = 0;
    for (let j = 0; j < x.length; j++) s += x[j]! * x[j]!;
    return s;
  });
  io.view(out).set(sums);
  return out;
});

/** [‖x₀‖², ‖x₁‖², …] for float32 tensors (no gradient: it reads gradients, it is not differentiated). */
export function squaredNorms(xs: tf.Tensor[]): tf.Tensor1D {
  const inputs = Object.fromEntries(xs.map((x, i) => [`x${i}`, x]));
  return tf.engine().runKernel(SQUARED_NORMS, inputs, { count: xs.length }) as tf.Tensor1D;
}
