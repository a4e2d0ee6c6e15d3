// log softmax over the last axis of [N, V] as a registered kernel: the ops of TF.js's tf.logSoftmax, in the same
// order (value = (x − max) − log Σ exp(x − max); gradient dy − Σdy · exp(value)), so the same numbers.
// Why not tf.logSoftmax: it is a tf.customGrad, whose tape node keys its inputs by position, and after such a
// node V8's Maglev compiler (Chromium, Node 24) deoptimizes TF.js's tape walk at every gradient and compiles it
// again, a loop that kept a background core busy during training (see matmul-2d.ts).
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth, registerGradientOnce } from './io';

const LOG_SOFTMAX = 'LabLogSoftmax';

registerBoth(LOG_SOFTMAX, ({ inputs, backend }) => {
  const io = kernelIO(backend);
  const { x } = inputs as Record<'x', tf.TensorInfo>;
  const axis = x.shape.length - 1;
  const xMax = io.call('Max', { x }, { reductionIndices: axis, keepDims: true });
  const shifted = io.call('Sub', { a: x, b: xMax });
  const e = io.call('Exp', { x: shifted });
  const s = io.call('Sum', { x: e }, { axis, keepDims: true });
  const logSum = io.call('Log', { x: s });
  const value = io.call('Sub', { a: shifted, b: logSum });
  for (const t of [xMax, shifted, e, s, logSum]) io.free(t);
  return value;
});

registerGradientOnce({
  kernelName: LOG_SOFTMAX,
  outputsToSave: [true],
  gradFunc: (dy, saved) => {
    const [value] = saved as [tf.Tensor];
    const axis = value.rank - 1;
    return { x: () => tf.sub(dy as tf.Tensor, tf.mul(tf.sum(dy as tf.Tensor, axis, true), tf.exp(value))) };
  },
});

export function logSoftmaxKernel(x: tf.Tensor2D): tf.Tensor2D {
  return tf.engine().runKernel(LOG_SOFTMAX, { x }) as tf.Tensor2D;
}
