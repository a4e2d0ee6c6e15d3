// Everything the block lab does once the reader presses Run (loaded on that click): sends the block to the island's
// worker, drives data-state (loading → running → done | error | cancelled), progress, live charts, the claims' verdicts
// and the exports. A block that never returns (an endless loop) is stopped by a watchdog that replaces the worker.
import type { BlockLab } from './block-lab-element';
import type { FromWorker } from '~/worker/protocol';
import type { BlockLabMeasurements } from '~/block-lab/measurements';
import type { Verdict } from '~/block-lab/verdicts';
import { blockLabFigures } from '~/block-lab/figures';
import { sessionFor } from './worker-session';
import { progressPainter } from './progress-painter';
import { backendLine } from './backend-line';
import { describeCodeError } from './code-error-words';
import { toJson } from './export-run';
import { gracefulCancel, STALL_LIMIT_MS, watchdog } from './run-stops';

export interface BlockRequest {
  source: string;
  seed: number;
  preset: string;
  edited: boolean;
}

function download(name: string, type: string, text: string, label: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.textContent = label;
  return a;
}

function verdictItem(v: Verdict): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.claim = v.claim;
  li.dataset.holds = String(v.holds);
  const mark = Object.assign(document.createElement('span'), { className: 'block-lab-mark', textContent: v.holds ? '✓ Yes. ' : '✗ No. ' });
  const link = Object.assign(document.createElement('a'), { href: `/claims/#${v.claim}`, textContent: v.claim });
  // The predicate's numbers name the stock variant; in this run that slot held the reader's block.
  const detail = v.detail.split(v.slotName).join(`${v.slotName} (= your block)`);
  const small = Object.assign(document.createElement('span'), { className: 'block-lab-detail' });
  small.append(`Claim `, link, `, your block in the place of ${v.slotName}: ${detail}`);
  li.append(mark, v.question, small);
  return li;
}

let lastDraw = 0;
async function drawCharts(el: BlockLab, m: BlockLabMeasurements, final: boolean) {
  const now = performance.now();
  if (!final && now - lastDraw < 400) return;
  lastDraw = now;
  const { draw } = await import('./live-chart');
  const host = el.q('[data-charts]');
  host.replaceChildren(...blockLabFigures(m).map((spec) => draw(host, spec)));
}

export async function runBlock(el: BlockLab, req: BlockRequest): Promise<void> {
  const session = sessionFor(el);
  const id = session.id();
  const panel = el.q('[data-panel]');
  const bar = el.q<HTMLProgressElement>('[data-progress]');
  const text = el.q('[data-progress-text]');
  const errorEl = el.q('[data-error]');
  const runButton = el.q<HTMLButtonElement>('[data-block-run]');
  const cancel = el.q<HTMLButtonElement>('[data-cancel]');
  const verdicts = el.q('[data-verdicts]');
  const exportEl = el.q('[data-export]');
  const announce = (s: string) => (el.q('[data-announce]').textContent = s);
  panel.hidden = false;
  bar.value = 0;
  text.textContent = 'Loading TF.js and the lab in a worker…';
  errorEl.textContent = '';
  delete el.dataset.problem;
  verdicts.replaceChildren();
  el.q('[data-verdicts-section]').hidden = true;
  el.q('[data-charts]').replaceChildren();
  exportEl.querySelectorAll('a').forEach((a) => URL.revokeObjectURL(a.href));
  exportEl.replaceChildren();
  const hadFocus = document.activeElement === runButton;
  runButton.disabled = true;
  cancel.hidden = false;
  if (hadFocus) cancel.focus();
  announce('Running your block…');
  const progress = progressPainter(bar, text);
  let backend = '';
  let shown = 0;

  await new Promise<void>((resolve) => {
    const finish = (state: string) => {
      progress.stop();
      off();
      stall.clear();
      stopping.clear();
      cancel.removeEventListener('click', onCancel);
      el.dataset.state = state;
      const focusBack = document.activeElement === cancel;
      runButton.disabled = false;
      cancel.hidden = true;
      if (focusBack) runButton.focus();
      announce([text.textContent, errorEl.textContent].filter(Boolean).join(' '));
      resolve();
    };
    const fail = (message: string, problem?: string) => {
      errorEl.textContent = message;
      if (problem) el.dataset.problem = problem;
      text.textContent = 'Nothing was trained. Edit the block and run it again.';
      finish('error');
    };
    const kill = (why: string) => {
      session.replace();
      fail(`${why} The worker was terminated and replaced; the page is unaffected.`, 'timeout');
    };
    const stopping = gracefulCancel(session, id, () => {
      text.textContent = 'Cancelled (the worker was stopped).';
      finish('cancelled');
    });
    const onCancel = () => {
      if (stopping.cancel()) {
        progress.stop();
        text.textContent = 'Cancelling…';
      }
    };
    cancel.addEventListener('click', onCancel);
    const stall = watchdog(STALL_LIMIT_MS, () =>
      kill(
        describeCodeError({
          kind: 'timeout',
          message: `your block gave no sign of life for ${STALL_LIMIT_MS / 1000} s (an endless loop?)`,
        }),
      ),
    );
    const alive = stall.alive;
    const off = session.listen((msg: FromWorker) => {
      if (msg.id !== id && msg.id !== -1) return;
      if (msg.type === 'done' || msg.type === 'error' || msg.type === 'cancelled') progress.stop(); // its text is final
      switch (msg.type) {
        case 'backend':
          backend = backendLine(msg.report);
          el.dataset.backend = msg.report.backend;
          el.q('[data-backend]').textContent = backend;
          el.dataset.state = 'running';
          alive();
          break;
        case 'progress': {
          alive();
          progress.show(msg.fraction, msg.message);
          const m = msg.data as BlockLabMeasurements | undefined;
          if (!m) break;
          if (m.verdicts.length > shown) {
            el.q('[data-verdicts-section]').hidden = false;
            verdicts.append(...m.verdicts.slice(shown).map(verdictItem));
            shown = m.verdicts.length;
          }
          void drawCharts(el, m, false);
          break;
        }
        case 'cancelled':
          text.textContent = 'Cancelled. Edit the block or press Run again.';
          finish('cancelled');
          break;
        case 'error':
          if (msg.kind === 'check') fail(`Your block did not pass the check before training: ${msg.message}`, msg.problem);
          else if (msg.kind === 'syntax' || msg.kind === 'runtime') {
            fail(describeCodeError({ kind: msg.kind, message: msg.message, line: msg.line, column: msg.column }), msg.kind);
            if (msg.line) el.editor?.focusLine(msg.line);
          } else fail(`The run failed: ${msg.message}`, 'run');
          break;
        case 'done': {
          const m = msg.measurements as BlockLabMeasurements;
          bar.value = 1;
          const holding = m.verdicts.filter((v) => v.holds).length;
          text.textContent = `Done in ${(msg.ms / 1000).toFixed(1)} s. ${holding} of ${m.verdicts.length} claim readings answer yes for your block.`;
          if (m.verdicts.length > shown) verdicts.append(...m.verdicts.slice(shown).map(verdictItem));
          el.q('[data-verdicts-section]').hidden = m.verdicts.length === 0;
          el.dataset.tensors = String(msg.numTensors);
          const record = {
            provenance: {
              experiment: 'block lab',
              preset: req.preset,
              edited: req.edited,
              seed: req.seed,
              backend: el.dataset.backend ?? 'unknown',
              date: new Date().toISOString(),
              page: location.href,
            },
            block: req.source,
            measurements: m,
          };
          const base = `block-${req.preset}${req.edited ? '-edited' : ''}-seed${req.seed}`;
          exportEl.replaceChildren(download(`${base}.json`, 'application/json', toJson(record), 'Download this run as JSON'));
          // The standalone script (the block + a small @tensorflow/tfjs harness) loads only here, after a run.
          void import('~/block-lab/export-script').then(({ exportScript }) => {
            try {
              const script = exportScript(req.source, { name: base, seed: req.seed });
              exportEl.append(' · ', download(`${base}.mjs`, 'text/javascript', script, 'your block as a script for @tensorflow/tfjs'));
            } catch (err) {
              exportEl.append(` · (No script: ${err instanceof Error ? err.message : String(err)}.)`);
            }
          });
          void drawCharts(el, m, true)
            .catch((err) => (text.textContent += ` (The charts could not be drawn: ${err instanceof Error ? err.message : String(err)}.)`))
            .finally(() => finish('done'));
          break;
        }
      }
    });
    session.send({ type: 'block', id, source: req.source, seed: req.seed });
  });
}
