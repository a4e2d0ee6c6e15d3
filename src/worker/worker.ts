// The experiment worker: TF.js, the lab and the experiments load here, off the main thread, only when a
// reader presses Run. It picks WASM (the .wasm files bundled by Vite) or falls back to the CPU backend with
// the reason, runs experiments or edited snippet code against the lab facade, and reports the tensor count.
// The same script also serves as a training worker of another instance's pool (train-job.ts).
import type { FromWorker, ToWorker, BackendReport } from './protocol';
import { positionInStack } from './code-stack';
import { evaluateClaim } from './live-outcome';
import { handleTrainMessage, type ToTrainWorker } from './train-job';
import { poolSize, trainPool, type TrainPool } from './train-pool';
import { wasmFiles } from './wasm-files';

const post = (msg: FromWorker) => (self as unknown as Worker).postMessage(msg);

let backend: Promise<BackendReport> | undefined;
const running = new Map<number, AbortController>();

/** Starts the backend once: WASM with the bundled binaries, else CPU with the reason. */
function ready(): Promise<BackendReport> {
  backend ??= (async () => {
    const { initBackend } = await import('~/lab/backend');
    // A file → URL map (Vite hashes the names), which setWasmPaths accepts in place of a prefix.
    const info = await initBackend({ prefer: 'wasm', wasmPath: wasmFiles });
    return { backend: info.backend, tfjsVersion: info.tfjsVersion, fallbackReason: info.fallbackReason };
  })();
  return backend;
}

async function memory(): Promise<{ numTensors: number; numBytes: number }> {
  const { tf } = await import('~/lab/backend');
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}
const numTensors = async () => (await memory()).numTensors;

/** Progress at most every 50 ms (the first one always), so the main thread is not flooded. */
function throttledProgress(id: number) {
  let last = -Infinity;
  return (p: { fraction: number; message: string; data?: unknown }) => {
    const now = performance.now();
    if (now - last < 50 && p.fraction < 1) return;
    last = now;
    post({ type: 'progress', id, fraction: p.fraction, message: p.message, data: p.data });
  };
}

async function run(msg: Extract<ToWorker, { type: 'run' | 'snippet' | 'block' }>) {
  const controller = new AbortController();
  running.set(msg.id, controller);
  const started = performance.now();
  let moduleUrl: string | undefined;
  let pool: TrainPool | undefined;
  try {
    if (msg.type !== 'run') {
      // The parser loads only for edited code: acorn stays out of the experiment path.
      const { syntaxError } = await import('./code-errors');
      const bad = syntaxError(msg.type === 'block' ? msg.source : msg.code);
      if (bad) return post({ type: 'error', id: msg.id, kind: 'syntax', message: bad.message, line: bad.line, column: bad.column });
    }
    const report = await ready();
    post({ type: 'backend', id: msg.id, report });
    const ctx = { seed: msg.seed, signal: controller.signal, onProgress: throttledProgress(msg.id) };
    // Independent trainings (E2's six) share out over the reader's cores, on this run's backend; the pool
    // starts with the run when the experiment is known to use it, else on its first job.
    const size = poolSize(navigator.hardwareConcurrency || 1);
    const { loadExperiment, runLoadedExperiment } = await import('./experiment-loader');
    // The block lab always trains three models side by side: its pool starts with the run.
    const startsPool = msg.type === 'block' || !!(await loadExperiment(msg.experiment)).trainsInParallel;
    pool = size ? trainPool(size, report.backend, startsPool) : undefined;
    const runJobs = pool?.run;
    let measurements: unknown;
    if (msg.type === 'block') {
      const { runBlockLab } = await import('~/block-lab/run');
      measurements = await runBlockLab(msg.source, { ...ctx, backend: report.backend, wasmPath: wasmFiles, runJobs });
    } else if (msg.type === 'run') {
      measurements = await runLoadedExperiment(msg.experiment, msg.params, {
        ...ctx,
        backend: report.backend,
        wasmPath: wasmFiles,
        runJobs,
      });
    } else {
      // Edited code runs as a module of its own (a blob: URL), here in the worker, never on the main thread.
      moduleUrl = URL.createObjectURL(new Blob([msg.code], { type: 'text/javascript' }));
      const mod = await import(/* @vite-ignore */ moduleUrl);
      if (typeof mod.run !== 'function') throw new Error('the code must export `async function run(lab, params, ctx)`');
      const { createLab } = await import('~/lab/facade');
      const lab = await createLab({ backend: report.backend, wasmPath: wasmFiles, runJobs });
      measurements = await mod.run(lab, msg.params, ctx);
    }
    // The lab's training stops quietly on abort (status 'aborted'), so a cancelled run may still resolve.
    if (controller.signal.aborted) return post({ type: 'cancelled', id: msg.id, numTensors: await numTensors() });
    const outcome = msg.type !== 'block' && msg.claim ? await evaluateClaim(msg.claim, measurements) : undefined;
    post({ type: 'done', id: msg.id, measurements, outcome, ...(await memory()), ms: performance.now() - started });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    if (controller.signal.aborted) return post({ type: 'cancelled', id: msg.id, numTensors: await numTensors() });
    const at = msg.type === 'snippet' ? positionInStack(e.stack, moduleUrl) : undefined;
    const edited = msg.type !== 'run';
    post({
      type: 'error',
      id: msg.id,
      kind: e.name === 'BlockCheckFailed' ? 'check' : edited ? (e.name === 'SyntaxError' ? 'syntax' : 'runtime') : 'run',
      ...('problem' in e && typeof e.problem === 'string' ? { problem: e.problem } : {}),
      message: e.name === 'BlockCheckFailed' ? e.message : `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`,
      ...at,
      numTensors: await numTensors().catch(() => undefined),
    });
  } finally {
    running.delete(msg.id);
    pool?.close();
    if (moduleUrl) URL.revokeObjectURL(moduleUrl);
  }
}

/** The "translate it yourself" island's model, kept between its messages (translator.ts). */
let translator: import('./translator').Translator | undefined;

/** Trains E15's default encoder–decoder and keeps it, or translates a sentence with it token by token. */
async function translatorMessage(msg: Extract<ToWorker, { type: 'translator-train' | 'translate' }>) {
  const controller = new AbortController();
  running.set(msg.id, controller);
  const started = performance.now();
  try {
    const report = await ready();
    const { Translator } = await import('./translator');
    translator ??= new Translator();
    let measurements: unknown;
    if (msg.type === 'translator-train') {
      post({ type: 'backend', id: msg.id, report });
      measurements = await translator.train({
        seed: msg.seed,
        steps: msg.steps,
        signal: controller.signal,
        onProgress: throttledProgress(msg.id),
        backend: report.backend,
        wasmPath: wasmFiles,
      });
    } else measurements = translator.translate(msg.source, (token) => post({ type: 'translation-token', id: msg.id, token }));
    post({ type: 'done', id: msg.id, measurements, ...(await memory()), ms: performance.now() - started });
  } catch (err) {
    if (controller.signal.aborted) return post({ type: 'cancelled', id: msg.id, numTensors: await numTensors() });
    const e = err instanceof Error ? err : new Error(String(err));
    post({ type: 'error', id: msg.id, kind: 'run', message: e.message, numTensors: await numTensors().catch(() => undefined) });
  } finally {
    running.delete(msg.id);
  }
}

self.onmessage = async (event: MessageEvent<ToWorker | ToTrainWorker>) => {
  const msg = event.data;
  // A training worker of another instance's pool (train-pool.ts).
  if (msg.type === 'train-init' || msg.type === 'train-job')
    return handleTrainMessage(msg, (reply) => (self as unknown as Worker).postMessage(reply));
  if (msg.type === 'cancel') running.get(msg.id)?.abort();
  else if (msg.type === 'translator-train' || msg.type === 'translate') void translatorMessage(msg);
  else if (msg.type === 'memory') {
    await ready();
    const { tf } = await import('~/lab/backend');
    const m = tf.memory();
    post({ type: 'memory', id: msg.id, numTensors: m.numTensors, numBytes: m.numBytes });
  } else void run(msg);
};
