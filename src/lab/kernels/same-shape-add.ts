// Add on WASM for two float32 tensors of one shape (residual adds, and the engine summing the gradients of a
// tensor used twice) in our SIMD module: TF.js's Add measured ~60 µs on [512, 32], ~15× a plain SIMD loop.
// Every other Add (broadcasting, other dtypes, sizes not a multiple of 4) goes to TF.js's own kernel.
import * as tf from '@tensorflow/tfjs-core';
import { kernelIO } from './io';
import { simdKernels } from './simd-kernels';

const MARK = Symbol.for('add-and-norm.same-shape-add');
const original = tf.getKernel('Add', 'wasm');

if (original && !(original as unknown as Record<symbol, boolean>)[MARK]) {
  tf.unregisterKernel('Add', 'wasm');
  tf.registerKernel({
    kernelName: 'Add',
    backendName: 'wasm',
    setupFunc: original.setupFunc,
    kernelFunc: ((args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs: tf.NamedAttrMap }) => {
      const { a, b } = args.inputs as Record<'a' | 'b', tf.TensorInfo>;
      const io = kernelIO(args.backend);
      const simd = io.memory ? simdKernels(io.memory) : null;
      const size = a.shape.reduce((x, y) => x * y, 1);
      const same =
        a.dtype === 'float32' && b.dtype === 'float32' && a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i]);
      if (!simd || !same || size % 4 !== 0) return original.kernelFunc(args as unknown as Parameters<tf.KernelFunc>[0]);
      const out = io.alloc(a.shape);
      simd.add(io.offset(a), io.offset(b), io.offset(out), size);
      return out;
    }) as unknown as tf.KernelFunc,
    [MARK]: true,
  } as tf.KernelConfig);
}
