// a·b for 2-D tensors [N, n]·[n, m] as a registered kernel, with a backward pass free of transposed matMuls
// (TF.js WASM runs matMuls with transpose flags through a slow loop): da = dy·bᵀ, db = aᵀ·dy.
// Why a kernel and not tf.customGrad: a custom gradient's tape node keys its inputs by position (0, 1), and
// after such a node V8's Maglev compiler (Chromium, Node 24) deoptimizes TF.js's tape walk at every gradient
// and compiles it again, a loop that kept a background core busy during training. Same ops, same numbers.
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO, registerBoth, registerGradientOnce } from './io';

const MATMUL_2D = 'LabMatMul2d';

registerBoth(MATMUL_2D, ({ inputs, backend }) => {
  const { a, b } = inputs as Record<'a' | 'b', tf.TensorInfo>;
  const as3d = (t: tf.TensorInfo): tf.TensorInfo => ({ dataId: t.dataId, dtype: t.dtype, shape: [1, ...t.shape] });
  const y = kernelIO(backend).call('BatchMatMul', { a: as3d(a), b: as3d(b) }, { transposeA: false, transposeB: false });
  y.shape = [a.shape[0]!, b.shape[1]!];
  return y;
});

registerGradientOnce({
  kernelName: MATMUL_2D,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved) => {
    const [a, b] = saved as [tf.Tensor2D, tf.Tensor2D];
    return { a: () => tf.matMul(dy as tf.Tensor2D, tf.transpose(b)), b: () => tf.matMul(tf.transpose(a), dy as tf.Tensor2D) };
  },
});

/** a·b; an int32 operand (a one-hot) is cast to float32 first, as tf.matMul does. */
export function matMul2dKernel(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  const float = (t: tf.Tensor2D) => (t.dtype === 'float32' ? t : tf.cast(t, 'float32'));
  return tf.engine().runKernel(MATMUL_2D, { a: float(a), b: float(b) }) as tf.Tensor2D;
}
