// The two ways a run in a worker is stopped from the page, shared by the evidence block, the snippet and the block
// lab: a Cancel that asks the worker first and terminates it when it has not stopped within a grace period, and a
// watchdog that terminates code giving no sign of life (an endless loop never yields, so the worker cannot answer).
import type { WorkerSession } from './worker-session';

/** No message from the worker for this long while the reader's code runs (a snippet, a block) → stopped as unresponsive. */
export const STALL_LIMIT_MS = 8000;

/** How long a cancelled run may take to notice before its worker is terminated. */
export const CANCEL_GRACE_MS = 3000;

/** cancel(): asks run `id` to stop (once; a second press waits for the first), then onForced if it has not within the grace. */
export function gracefulCancel(session: WorkerSession, id: number, onForced: () => void): { cancel(): boolean; clear(): void } {
  let timer: number | undefined;
  let asked = false;
  return {
    cancel() {
      if (asked) return false;
      asked = true;
      session.send({ type: 'cancel', id });
      timer = window.setTimeout(() => {
        session.replace();
        onForced();
      }, CANCEL_GRACE_MS);
      return true;
    },
    clear: () => clearTimeout(timer),
  };
}

/** alive() (re)arms it; without a call for `ms`, onStall runs once. */
export function watchdog(ms: number, onStall: () => void): { alive(): void; clear(): void } {
  let timer: number | undefined;
  return {
    alive() {
      clearTimeout(timer);
      timer = window.setTimeout(onStall, ms);
    },
    clear: () => clearTimeout(timer),
  };
}
