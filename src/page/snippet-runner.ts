// Runs edited snippet code in a worker of the snippet's own (loaded on the first Run). A watchdog stops
// code that gives no sign of life (an endless loop never yields): it terminates and replaces the worker,
// so the page stays responsive and the next Run starts fresh.
import type { CodeSnippet } from './snippet-element';
import type { FromWorker } from '~/worker/protocol';
import { sessionFor } from './worker-session';
import { describeCodeError } from './code-error-words';
import { progressText, TimeLeft } from './progress-text';
import { backendLine } from './backend-line';
import { STALL_LIMIT_MS, watchdog } from './run-stops';

/** Hard cap on one snippet run, progress or not. */
export const TIME_LIMIT_MS = 120_000;

export function runSnippet(el: CodeSnippet, code: string, req: { params: Record<string, unknown>; seed: number }): Promise<void> {
  const session = sessionFor(el);
  const id = session.id();
  const out = el.q('[data-snippet-output]');
  const run = el.q<HTMLButtonElement>('[data-snippet-run]');
  const stop = el.q<HTMLButtonElement>('[data-snippet-stop]');
  out.hidden = true;
  const hadFocus = document.activeElement === run;
  run.disabled = true;
  stop.hidden = false;
  if (hadFocus) stop.focus();
  el.status('Loading TF.js and the lab in a worker…');
  const timeLeft = new TimeLeft();
  let backendNote = '';
  return new Promise((resolve) => {
    const cap = window.setTimeout(() => kill(`Stopped: the code ran longer than ${TIME_LIMIT_MS / 1000} s.`), TIME_LIMIT_MS);
    const finish = (state: string) => {
      off();
      el.q('[data-snippet-progress]').textContent = '';
      const focusBack = document.activeElement === stop;
      stall.clear();
      clearTimeout(cap);
      stop.removeEventListener('click', onStop);
      el.dataset.state = state;
      run.disabled = false;
      stop.hidden = true;
      if (focusBack) run.focus();
      resolve();
    };
    const kill = (why: string) => {
      session.replace();
      el.status(`${why} The worker was terminated and replaced; edit the code and run it again.`, 'error');
      finish(why.startsWith('Stopped by you') ? 'cancelled' : 'error');
    };
    const onStop = () => kill('Stopped by you.');
    stop.addEventListener('click', onStop);
    const stall = watchdog(STALL_LIMIT_MS, () =>
      kill(
        describeCodeError({
          kind: 'timeout',
          message: `no sign of life for ${STALL_LIMIT_MS / 1000} s (an endless loop, or a step that never yields?)`,
        }),
      ),
    );
    const alive = stall.alive;
    const off = session.listen((msg: FromWorker) => {
      if (msg.id !== id && msg.id !== -1) return;
      switch (msg.type) {
        case 'backend':
          backendNote = backendLine(msg.report);
          el.dataset.backend = msg.report.backend;
          el.dataset.state = 'running';
          el.status(`Running… ${backendNote}`);
          alive();
          break;
        case 'progress':
          alive();
          // Not the status live region: progress changes many times a second.
          el.q('[data-snippet-progress]').textContent = progressText(
            msg.fraction,
            msg.message,
            timeLeft.at(msg.fraction, performance.now()),
          );
          break;
        case 'error':
          el.status(
            describeCodeError({
              kind: msg.kind === 'syntax' ? 'syntax' : 'runtime',
              message: msg.message,
              line: msg.line,
              column: msg.column,
            }),
            'error',
          );
          if (msg.line) el.editor?.focusLine(msg.line);
          finish('error');
          break;
        case 'cancelled':
          el.status('Cancelled.');
          finish('cancelled');
          break;
        case 'done': {
          const outcomeText = msg.outcome
            ? ` ${msg.outcome.holds ? 'The claim holds' : 'The claim does not hold'} on this result: ${msg.outcome.detail}`
            : '';
          el.status(`Done in ${(msg.ms / 1000).toFixed(1)} s. ${backendNote}${outcomeText}`);
          out.textContent = JSON.stringify(msg.measurements, null, 2);
          out.hidden = false;
          void import('./live-chart').then((c) => c.showSnippetResult(el, el.dataset.experiment!, msg.measurements, req.params));
          el.dataset.tensors = String(msg.numTensors);
          finish('done');
          break;
        }
      }
    });
    session.send({
      type: 'snippet',
      id,
      experiment: el.dataset.experiment!,
      claim: el.dataset.claim,
      code,
      params: req.params,
      seed: req.seed,
    });
    // Loading TF.js (and compiling WASM) may take a while before the first message: the watchdog starts then.
  });
}
