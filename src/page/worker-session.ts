// One Web Worker per host element (an evidence block or a snippet), created on first use and replaced
// when it must be stopped by force (code that never yields, a cancel the run ignores).
import type { FromWorker, ToWorker } from '~/worker/protocol';

type Listener = (msg: FromWorker) => void;

export class WorkerSession {
  private worker: Worker | undefined;
  private listeners = new Set<Listener>();
  private nextId = 1;

  private get live(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.listeners.forEach((l) => l(e.data));
      this.worker.onerror = (e) => {
        e.preventDefault();
        this.listeners.forEach((l) => l({ type: 'error', id: -1, kind: 'run', message: e.message || 'the worker failed to start' }));
      };
    }
    return this.worker;
  }

  id(): number {
    return this.nextId++;
  }

  send(msg: ToWorker) {
    this.live.postMessage(msg);
  }

  listen(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Stops whatever runs (even a busy loop) by terminating the worker; the next send starts a fresh one. */
  replace() {
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** Asks the worker for its live tensor count (for tests and the benchmark). */
  memory(): Promise<{ numTensors: number; numBytes: number }> {
    const id = this.id();
    return new Promise((resolve) => {
      const off = this.listen((m) => {
        if (m.type === 'memory' && m.id === id) {
          off();
          resolve({ numTensors: m.numTensors, numBytes: m.numBytes });
        }
      });
      this.send({ type: 'memory', id });
    });
  }
}

const sessions = new WeakMap<Element, WorkerSession>();

export function sessionFor(host: Element): WorkerSession {
  let s = sessions.get(host);
  if (!s) sessions.set(host, (s = new WorkerSession()));
  return s;
}
