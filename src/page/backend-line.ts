// The sentence naming the TF.js backend a run used, and why WASM was not used when it was not.
import type { BackendReport } from '~/worker/protocol';

export function backendLine(r: BackendReport): string {
  const name = r.backend === 'wasm' ? 'WebAssembly (WASM)' : r.backend === 'cpu' ? 'CPU (plain JavaScript, slower)' : r.backend;
  return `Backend: ${name}, TF.js ${r.tfjsVersion}` + (r.fallbackReason ? `. WASM was not available: ${r.fallbackReason}` : '.');
}
