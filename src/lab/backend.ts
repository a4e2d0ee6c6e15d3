// Backend selection: WASM preferred, pure-JS CPU as the fallback, with the reason reported.
// In Node the .wasm binaries are read from node_modules/@tensorflow/tfjs-backend-wasm/dist (a file path);
// in a browser or Worker the caller passes the URL prefix where the built site serves them.
// The modular packages only: never '@tensorflow/tfjs' (a dependency for the block lab's exported script alone).
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import './kernels/shared-identity';
import './kernels/same-shape-add';
import { kernelIO } from './kernels/io';
import { simdFailure, simdKernels } from './kernels/simd-kernels';

export type BackendName = 'wasm' | 'cpu';

export interface BackendInfo {
  backend: BackendName;
  /** Why the preferred backend was not used (undefined when it was). */
  fallbackReason?: string;
  tfjsVersion: string;
  /** On WASM: whether the lab's own SIMD kernels run (else why not: TF.js's slower kernels run instead). */
  simd?: { on: true } | { on: false; reason: string };
}

export interface BackendOptions {
  prefer?: BackendName;
  /**
   * Directory (Node path or URL prefix, ending in '/') holding the tfjs-backend-wasm*.wasm files, or a map
   * from each file name to its URL (what a bundler that hashes names gives), as setWasmPaths accepts.
   */
  wasmPath?:
    string | Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;
  /** WASM threads (only used when the page is cross-origin isolated); default 1 in Node for reproducibility. */
  threads?: number;
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

// Node built-ins behind variable specifiers so browser bundlers leave them alone.
const nodeImport = (name: string) => import(/* @vite-ignore */ name);

async function defaultWasmPath(): Promise<string> {
  const { createRequire } = await nodeImport('node:module');
  const path = await nodeImport('node:path');
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;
}

let gradientsRegistered = false;

/**
 * tfjs-core ships its gradients as a separate side-effect module (unbundled ESM with extensionless
 * relative imports). Vite resolves those; Node's ESM loader does not, so in Node a resolve hook adds '.js'.
 */
export async function registerGradients(): Promise<void> {
  if (gradientsRegistered) return;
  if (isNode) {
    const mod = await nodeImport('node:module');
    mod.registerHooks?.({
      resolve(specifier: string, context: { parentURL?: string }, next: (s: string, c: unknown) => unknown) {
        const inTfjs =
          specifier.includes('@tensorflow/tfjs-core/dist/') ||
          (specifier.startsWith('.') && !!context.parentURL?.includes('/@tensorflow/tfjs-core/dist/'));
        if (inTfjs && !specifier.endsWith('.js')) {
          try {
            return next(specifier + '.js', context);
          } catch {
            return next(specifier, context);
          }
        }
        return next(specifier, context);
      },
    });
  }
  await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  gradientsRegistered = true;
}

let current: BackendInfo | null = null;
let wasmFailure: string | undefined;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Select a backend (idempotent for the same preference). Never throws for WASM failure: falls back to CPU.
 * Calls run one after another: a second call while WASM is still starting would otherwise switch backends
 * under it, and TF.js cannot retry a WASM start that was interrupted.
 */
export function initBackend(opts: BackendOptions = {}): Promise<BackendInfo> {
  const prefer = opts.prefer ?? 'wasm';
  if (prefer !== 'wasm' && prefer !== 'cpu')
    return Promise.reject(new Error(`backend must be one of 'wasm' | 'cpu', got ${JSON.stringify(prefer)}`));
  const next = queue.then(() => selectBackend(prefer, opts));
  queue = next.catch(() => undefined);
  return next;
}

async function selectBackend(prefer: BackendName, opts: BackendOptions): Promise<BackendInfo> {
  await registerGradients();
  if (current && current.backend === prefer && tf.getBackend() === prefer) return current;
  let fallbackReason: string | undefined = wasmFailure;
  if (prefer === 'wasm' && !wasmFailure) {
    try {
      const wasmPath = opts.wasmPath ?? (isNode ? await defaultWasmPath() : undefined);
      if (!wasmPath) throw new Error('no wasmPath given (the browser must pass the URL prefix of the .wasm files)');
      setWasmPaths(wasmPath);
      setThreadsCount(opts.threads ?? 1);
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        current = { backend: 'wasm', tfjsVersion: tf.version_core, simd: simdOnWasm() };
        return current;
      }
      fallbackReason = `tf.setBackend("wasm") returned false: are the tfjs-backend-wasm*.wasm files at ${typeof wasmPath === 'string' ? wasmPath : JSON.stringify(wasmPath)}?`;
    } catch (err) {
      fallbackReason = `WASM backend failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  if (prefer === 'wasm') wasmFailure = fallbackReason; // TF.js cannot retry a failed WASM start in one process
  // Loaded only when needed, so the browser's lab chunk carries the CPU backend as a separate, lazy chunk.
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  await tf.ready();
  current = { backend: 'cpu', fallbackReason, tfjsVersion: tf.version_core };
  return current;
}

/** Instantiates the SIMD module on the WASM backend's memory now, so the report says whether it runs. */
function simdOnWasm(): BackendInfo['simd'] {
  const memory = kernelIO(tf.backend()).memory;
  if (memory && simdKernels(memory)) return { on: true };
  return { on: false, reason: simdFailure() ?? 'the WASM backend exposes no memory for our kernels' };
}

export { tf };
