// Memory access and kernel calls inside a registered kernel, on the WASM backend (views into its heap) and
// the CPU backend (its own arrays). Used by the fused kernels of this folder.
import * as tf from '@tensorflow/tfjs-core';

type Arr = Float32Array;
type AnyBackend = {
  typedArrayFromHeap?: (t: tf.TensorInfo) => Arr;
  makeOutput?: (shape: number[], dtype: tf.DataType) => tf.TensorInfo;
  makeTensorInfo?: (shape: number[], dtype: tf.DataType, values?: Arr) => tf.TensorInfo;
  data?: { get(id: tf.DataId): { values: Arr } };
  disposeData(id: tf.DataId, force?: boolean): boolean;
  dataIdMap?: { get(id: tf.DataId): { memoryOffset: number } };
  wasm?: { asm?: { memory?: WebAssembly.Memory } };
};

export interface KernelIO {
  /** 'wasm' or 'cpu': the backend this kernel call runs on. */
  name: 'wasm' | 'cpu';
  /** A new float32 tensor. Take views only after every allocation: a WASM allocation may grow the heap and detach views. */
  alloc(shape: number[]): tf.TensorInfo;
  /** The float32 values of a tensor (a live view on WASM: write to outputs through it). */
  view(t: tf.TensorInfo): Arr;
  /** Run another kernel of the same backend directly, without the engine (no tape, no tracking). */
  call(kernelName: string, inputs: tf.NamedTensorInfoMap, attrs?: Record<string, unknown>): tf.TensorInfo;
  /** Free a temporary made by alloc or call. */
  free(t: tf.TensorInfo): void;
  /** On WASM: the backend's memory and a tensor's byte offset in it (for kernels in our own WebAssembly). */
  memory?: WebAssembly.Memory;
  offset(t: tf.TensorInfo): number;
}

export function kernelIO(backend: unknown): KernelIO {
  const be = backend as AnyBackend;
  const name = typeof be.typedArrayFromHeap === 'function' ? 'wasm' : 'cpu';
  return {
    name,
    alloc(shape) {
      if (name === 'wasm') return be.makeOutput!(shape, 'float32');
      return be.makeTensorInfo!(shape, 'float32', new Float32Array(shape.reduce((a, b) => a * b, 1)));
    },
    view: (t) => (name === 'wasm' ? be.typedArrayFromHeap!(t) : be.data!.get(t.dataId).values),
    call(kernelName, inputs, attrs = {}) {
      const kernel = tf.getKernel(kernelName, name);
      if (!kernel) throw new Error(`kernel ${kernelName} is not registered for ${name}`);
      return kernel.kernelFunc({ inputs, backend: backend as tf.KernelBackend, attrs: attrs as tf.NamedAttrMap }) as tf.TensorInfo;
    },
    free: (t) => void be.disposeData(t.dataId),
    memory: name === 'wasm' ? be.wasm?.asm?.memory : undefined,
    offset(t) {
      if (name !== 'wasm') throw new Error('offset: only WASM tensors live in a WebAssembly memory');
      return be.dataIdMap!.get(t.dataId).memoryOffset;
    },
  };
}

/** Register a kernel on both backends once per process (a module may be evaluated twice under test runners). */
export function registerBoth(
  kernelName: string,
  kernelFunc: (args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: unknown }) => tf.TensorInfo | tf.TensorInfo[],
): void {
  for (const backendName of ['wasm', 'cpu']) {
    if (!tf.getKernel(kernelName, backendName))
      tf.registerKernel({ kernelName, backendName, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
}

/** Register a gradient once per process. */
export function registerGradientOnce(config: tf.GradConfig): void {
  if (!tf.getGradient(config.kernelName)) tf.registerGradient(config);
}
