// Identity on WASM as a shared, reference-counted buffer instead of a copy. TF.js clones (Identity) every
// tensor a gradient saves, ~190 per reference step; tensors are immutable, so sharing the buffer is safe,
// and it is what the CPU backend and WASM's own Reshape do.
import * as tf from '@tensorflow/tfjs-core';

type WasmBackend = { incRef(id: tf.DataId): void };
const MARK = Symbol.for('add-and-norm.shared-identity');

const kernel = tf.getKernel('Identity', 'wasm');
if (kernel && !(kernel as unknown as Record<symbol, boolean>)[MARK]) {
  tf.unregisterKernel('Identity', 'wasm');
  const config = {
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: (({ inputs, backend }: { inputs: tf.NamedTensorInfoMap; backend: unknown }) => {
      const x = inputs.x!;
      if (x.dtype === 'string') return kernel.kernelFunc({ inputs, backend: backend as tf.KernelBackend, attrs: {} });
      (backend as WasmBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    }) as unknown as tf.KernelFunc,
    [MARK]: true,
  };
  tf.registerKernel(config);
}
