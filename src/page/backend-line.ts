// The sentence naming the TF.js backend a run used, why WASM was not used when it was not, and why our SIMD
// kernels did not run when they did not.
import type { BackendReport } from '~/worker/protocol';

export function backendLine(r: BackendReport): string {
  const name = r.backend === 'wasm' ? 'WebAssembly (WASM)' : r.backend === 'cpu' ? 'CPU (plain JavaScript, slower)' : r.backend;
  const simd = r.simd && !r.simd.on ? `. Slower than usual: ${r.simd.reason}` : '';
  return (
    `Backend: ${name}, TF.js ${r.tfjsVersion}` + (r.fallbackReason ? `. WASM was not available: ${r.fallbackReason}` : '') + `${simd}.`
  );
}
