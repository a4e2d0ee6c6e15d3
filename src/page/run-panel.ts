// Everything an evidence block does once the reader presses Run (loaded on that click): talks to the
// worker, drives data-state (loading → running → done | error | cancelled), the progress bar with step
// count and time left, the backend line, the live outcome, the live chart and the exports.
import type { EvidenceBlock, RunRequest } from './evidence-element';
import type { FromWorker } from '~/worker/protocol';
import { sessionFor } from './worker-session';
import { progressPainter } from './progress-painter';
import { settingsChanged, type ChangedSetting } from './settings-changed';
import { explainDiverged, explainFailure, explainNonFinite } from './failure-words';
import { runToCsv, runToJson, type RunRecord } from './export-run';
import { backendLine } from './backend-line';
import { LiveCurve } from './live-curve';
import { gracefulCancel } from './run-stops';

function download(name: string, type: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  return a;
}

/**
 * The claim's check on the reader's run. With the claim's own settings it holds or not; with other settings it
 * is a different experiment, said in a neutral voice (data-outcome="other-settings"), never as a failed claim.
 */
function showOutcome(el: HTMLElement, outcome: { holds: boolean; detail: string }, changed: ChangedSetting[]) {
  if (changed.length === 0) {
    el.dataset.outcome = outcome.holds ? 'holds' : 'fails';
    el.dataset.holds = String(outcome.holds);
    el.textContent = `${outcome.holds ? '✓ Holds' : '✗ Does not hold'} in your browser: ${outcome.detail}`;
    return;
  }
  el.dataset.outcome = 'other-settings';
  const list = (pick: (c: ChangedSetting) => string) => changed.map(pick).join(', ');
  el.textContent =
    `A different experiment: the claim is about ${list((c) => `${c.label} ${c.claimValue}`)}, and you ran ${list((c) => `${c.label} ${c.yourValue}`)}, ` +
    `so this run does not test it. For comparison, the claim's numbers on your run: ${outcome.detail}.`;
}

export async function runExperiment(block: EvidenceBlock, req: RunRequest): Promise<void> {
  const { experiment, claim } = block.config;
  const session = sessionFor(block);
  const id = session.id();
  const panel = block.q('[data-panel]');
  const bar = block.q<HTMLProgressElement>('[data-progress]');
  const text = block.q('[data-progress-text]');
  const runButton = block.q<HTMLButtonElement>('[data-run]');
  const cancel = block.q<HTMLButtonElement>('[data-cancel]');
  const outcomeEl = block.q('[data-live-outcome]');
  const exportEl = block.q('[data-export]');
  const announce = (text: string) => (block.q('[data-announce]').textContent = text);
  panel.hidden = false;
  bar.value = 0;
  text.textContent = 'Loading TF.js and the lab…';
  outcomeEl.textContent = '';
  delete outcomeEl.dataset.holds;
  delete outcomeEl.dataset.outcome;
  // The last run's downloads hold blobs: release them before making new ones (keeps the heap flat).
  exportEl.querySelectorAll('a').forEach((a) => URL.revokeObjectURL(a.href));
  exportEl.replaceChildren();
  block.q('[data-live-chart]').replaceChildren();
  block.say('');
  // Keep keyboard focus in the block: Run is disabled while running, so focus moves to Cancel and back.
  const hadFocus = document.activeElement === runButton;
  runButton.disabled = true;
  cancel.hidden = false;
  if (hadFocus) cancel.focus();
  announce(`Running experiment ${experiment.toUpperCase()}…`);
  let backendNote: { backend: string; tfjsVersion: string; fallbackReason?: string } | undefined;
  const chart = import('./live-chart');
  const curve = new LiveCurve();
  const changed = settingsChanged(block.config.schema, req.params);
  const progress = progressPainter(bar, text);

  await new Promise<void>((resolve) => {
    const finish = (state: string, numTensors?: number) => {
      progress.stop();
      off();
      stopping.clear();
      cancel.removeEventListener('click', onCancel);
      block.dataset.state = state;
      if (numTensors !== undefined) block.dataset.tensors = String(numTensors);
      const focusBack = document.activeElement === cancel;
      runButton.disabled = false;
      cancel.hidden = true;
      if (focusBack) runButton.focus();
      announce([text.textContent, outcomeEl.textContent].filter(Boolean).join(' '));
      resolve();
    };
    const stopping = gracefulCancel(session, id, () => {
      text.textContent = 'Cancelled (the worker was stopped).';
      finish('cancelled');
    });
    // Not disabled (that would drop keyboard focus); a second press just waits for the first.
    const onCancel = () => {
      if (stopping.cancel()) {
        progress.stop();
        text.textContent = 'Cancelling…';
      }
    };
    cancel.addEventListener('click', onCancel);
    const off = session.listen(async (msg: FromWorker) => {
      if (msg.id !== id && msg.id !== -1) return;
      if (msg.type === 'done' || msg.type === 'error' || msg.type === 'cancelled') progress.stop(); // its text is final
      switch (msg.type) {
        case 'backend':
          backendNote = msg.report;
          block.dataset.backend = msg.report.backend;
          block.q('[data-backend]').textContent = backendLine(msg.report);
          break;
        case 'progress':
          if (block.dataset.state === 'loading') block.dataset.state = 'running';
          progress.show(msg.fraction, msg.message);
          if (msg.data !== undefined) (await chart).showPartial(block, experiment, msg.data, req.params);
          else if (curve.add(msg.message)) (await chart).showCurve(block, curve.spec());
          break;
        case 'cancelled':
          text.textContent = 'Cancelled. Change the settings or press Run again.';
          finish('cancelled', msg.numTensors);
          break;
        case 'error': {
          const where = msg.line ? ` (line ${msg.line}${msg.column ? `, column ${msg.column}` : ''})` : '';
          text.textContent = explainFailure(msg.message + where);
          finish('error', msg.numTensors);
          break;
        }
        case 'done': {
          bar.value = 1;
          const seconds = (msg.ms / 1000).toFixed(1);
          const notes = [explainDiverged(msg.measurements), explainNonFinite(msg.measurements)].filter(Boolean);
          text.textContent = [`Done in ${seconds} s.`, ...notes].join(' ');
          if (msg.outcome) showOutcome(outcomeEl, msg.outcome, changed);
          const record: RunRecord = {
            provenance: {
              experiment,
              claim,
              params: req.params,
              seed: req.seed,
              backend: backendNote?.backend ?? 'unknown',
              backendNote: backendNote?.fallbackReason,
              tfjsVersion: backendNote?.tfjsVersion ?? 'unknown',
              date: new Date().toISOString(),
              page: location.href,
            },
            measurements: msg.measurements,
            outcome: msg.outcome,
          };
          const base = `${claim}-seed${req.seed}`;
          const json = download(`${base}.json`, 'application/json', runToJson(record));
          json.textContent = 'Download this run as JSON';
          const csv = download(`${base}.csv`, 'text/csv', runToCsv(record));
          csv.textContent = 'as CSV';
          exportEl.replaceChildren(json, ' · ', csv);
          try {
            await (await chart).showResult(block, experiment, msg.measurements, req.params);
          } catch (err) {
            text.textContent += ` (The chart could not be drawn: ${err instanceof Error ? err.message : String(err)}.)`;
          }
          block.dataset.tensorBytes = String(msg.numBytes);
          finish('done', msg.numTensors);
          break;
        }
      }
    });
    session.send({ type: 'run', id, experiment, claim, params: req.params, seed: req.seed });
  });
}
