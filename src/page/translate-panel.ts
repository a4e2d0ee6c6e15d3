// Everything "translate it yourself" does once the reader clicks (loaded on that click): trains E15's encoder–decoder
// in the island's worker (data-state loading → running → done | error | cancelled, a live loss curve, Cancel), then
// translates the reader's sentence token by token into two columns, teacher-forced and free-running, each token with
// its probability and its cross-attention row as a small table shaded by weight (data-translate-state running → done
// | error). The words' names are the ones the worker uses (src/lab/translation-words.ts).
import type { TranslateYourself } from './translate-element';
import type { FromWorker } from '~/worker/protocol';
import type { DecodedToken } from '~/lab/translate';
import type { TranslatorSummary } from '~/worker/translator';
import { experiment } from '~/experiments/e15-cross-attention/experiment';
import { correctTranslation, wordName } from '~/lab/translation-words';
import { sessionFor } from './worker-session';
import { progressText, TimeLeft } from './progress-text';
import { backendLine } from './backend-line';
import { gracefulCancel } from './run-stops';
import { LiveCurve } from './live-curve';

/** The number of training steps: E15's default, or the link's `translate.steps` within E15's bounds. */
export function stepsFromUrl(search: string): { steps: number; notice?: string } {
  const spec = experiment.params.steps;
  const raw = new URLSearchParams(search).get('translate.steps');
  if (raw === null) return { steps: spec.default };
  const n = Number(raw);
  if (/^\d+$/.test(raw) && n >= spec.min && n <= spec.max) return { steps: n };
  return {
    steps: spec.default,
    notice: `The link's translate.steps "${raw}" is not an integer from ${spec.min} to ${spec.max}, so E15's default is used.`,
  };
}

let lastDraw = 0;
async function drawCurve(el: TranslateYourself, curve: LiveCurve, final: boolean) {
  const now = performance.now();
  if (!final && now - lastDraw < 400) return;
  lastDraw = now;
  const { draw } = await import('./live-chart');
  const host = el.q('[data-curve]');
  host.replaceChildren(draw(host, curve.spec()));
}

export async function trainTranslator(el: TranslateYourself, seed: number): Promise<void> {
  const session = sessionFor(el);
  const id = session.id();
  const { steps, notice } = stepsFromUrl(location.search);
  if (notice) el.say(notice);
  const panel = el.q('[data-train-panel]');
  const bar = el.q<HTMLProgressElement>('[data-progress]');
  const text = el.q('[data-progress-text]');
  const errorEl = el.q('[data-error]');
  const trainButton = el.q<HTMLButtonElement>('[data-train]');
  const translateButton = el.q<HTMLButtonElement>('[data-translate-run]');
  const hint = el.q('[data-translate-hint]');
  const cancel = el.q<HTMLButtonElement>('[data-cancel]');
  const announce = (s: string) => (el.q('[data-announce]').textContent = s);
  panel.hidden = false;
  bar.value = 0;
  text.textContent = 'Loading TF.js and the lab in a worker…';
  errorEl.textContent = '';
  el.q('[data-curve]').replaceChildren();
  translateButton.disabled = true;
  hint.textContent = 'Training…';
  el.dataset.steps = String(steps);
  const hadFocus = document.activeElement === trainButton;
  trainButton.disabled = true;
  cancel.hidden = false;
  if (hadFocus) cancel.focus();
  announce(`Training the translator for ${steps} steps…`);
  const timeLeft = new TimeLeft();
  const curve = new LiveCurve();
  const defaultSteps = experiment.params.steps.default;
  const what = `E15’s encoder–decoder, seed ${seed}, ${steps} training steps${steps === defaultSteps ? ' (E15’s default)' : ` (E15’s default is ${defaultSteps}: this link asked for fewer)`}`;

  await new Promise<void>((resolve) => {
    const finish = (state: string) => {
      off();
      stopping.clear();
      cancel.removeEventListener('click', onCancel);
      el.dataset.state = state;
      const focusBack = document.activeElement === cancel;
      trainButton.disabled = false;
      trainButton.textContent = state === 'done' ? 'Train again' : 'Train the translator';
      cancel.hidden = true;
      if (focusBack) trainButton.focus();
      translateButton.disabled = state !== 'done';
      hint.textContent = state === 'done' ? 'Pick a sentence and press Translate.' : 'Train the translator first.';
      announce([text.textContent, errorEl.textContent].filter(Boolean).join(' '));
      resolve();
    };
    const stopping = gracefulCancel(session, id, () => {
      text.textContent = 'Cancelled (the worker was stopped). Nothing is kept: train again to translate.';
      finish('cancelled');
    });
    const onCancel = () => {
      if (stopping.cancel()) text.textContent = 'Cancelling…';
    };
    cancel.addEventListener('click', onCancel);
    const off = session.listen((msg: FromWorker) => {
      if (msg.id !== id && msg.id !== -1) return;
      switch (msg.type) {
        case 'backend':
          el.dataset.backend = msg.report.backend;
          el.q('[data-backend]').textContent = backendLine(msg.report);
          el.dataset.state = 'running';
          break;
        case 'progress':
          el.dataset.state = 'running';
          bar.value = msg.fraction;
          text.textContent = `${what}: ${progressText(msg.fraction, msg.message, timeLeft.at(msg.fraction, performance.now()))}`;
          if (curve.add(msg.message)) void drawCurve(el, curve, false);
          break;
        case 'cancelled':
          text.textContent = 'Cancelled. Nothing is kept: train again to translate.';
          finish('cancelled');
          break;
        case 'error':
          errorEl.textContent = `The training failed: ${msg.message}`;
          text.textContent = 'Nothing was trained.';
          finish('error');
          break;
        case 'done': {
          const m = msg.measurements as TranslatorSummary;
          bar.value = 1;
          el.dataset.tensors = String(msg.numTensors);
          const last = m.loss.at(-1);
          const diverged = m.status === 'diverged' ? ' The training diverged and stopped early: its translations will be poor.' : '';
          text.textContent =
            `Trained ${what} in ${(msg.ms / 1000).toFixed(1)} s: final training loss ${last?.toFixed(3) ?? '–'} nats, ` +
            `${Math.round(m.accuracy * 100)}% of held-out target words right when teacher-forced (E15’s accuracy measure).${diverged}`;
          void drawCurve(el, curve, true)
            .catch(() => undefined)
            .finally(() => finish('done'));
          break;
        }
      }
    });
    session.send({ type: 'translator-train', id, seed, ...(steps === defaultSteps ? {} : { steps }) });
  });
}

const fmt = (p: number) => p.toFixed(2);

/** One generated token: the word, right or wrong, its probability, what it was fed, and its cross-attention row. */
function tokenItem(t: DecodedToken, source: readonly number[]): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.position = String(t.position);
  li.dataset.right = String(t.word === t.correct);
  const span = (className: string, text: string) => Object.assign(document.createElement('span'), { className, textContent: text });
  const line = document.createElement('div');
  line.append(
    span('ty-pos', `${t.position + 1}. `),
    span('ty-word', wordName(t.word)),
    ' ',
    span('ty-mark', t.word === t.correct ? '✓ correct' : `✗ wrong (correct: ${wordName(t.correct)}, p = ${fmt(t.correctProbability)})`),
    ' ',
    span('ty-prob', `p = ${fmt(t.probability)}`),
  );
  const fed = span('ty-fed', `fed: ${wordName(t.input)}`);
  const table = document.createElement('table');
  table.className = 'ty-attn';
  table.dataset.attention = '';
  const caption = Object.assign(document.createElement('caption'), {
    className: 'visually-hidden',
    textContent: `Cross-attention of target position ${t.position + 1} (${wordName(t.word)}) over the source words, mean over heads, layer ${t.layer}`,
  });
  const head = table.createTHead().insertRow();
  for (const w of source) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = wordName(w);
    head.append(th);
  }
  const row = table.createTBody().insertRow();
  const max = Math.max(...t.attention);
  for (const w of t.attention) {
    const td = row.insertCell();
    td.textContent = fmt(w);
    td.style.setProperty('--w', String(Math.min(1, Math.max(0, w))));
    if (w === max) td.dataset.max = '';
  }
  table.prepend(caption);
  li.append(line, fed, table);
  return li;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function translateSentence(el: TranslateYourself, source: number[]): Promise<void> {
  const session = sessionFor(el);
  const id = session.id();
  const result = el.q('[data-result]');
  const button = el.q<HTMLButtonElement>('[data-translate-run]');
  const columns = Object.fromEntries(
    [...el.querySelectorAll<HTMLElement>('[data-column]')].map((c) => [c.dataset.column!, c.querySelector<HTMLElement>('[data-tokens]')!]),
  );
  el.dataset.translateState = 'running';
  button.disabled = true;
  result.hidden = false;
  Object.values(columns).forEach((c) => c.replaceChildren());
  el.q('[data-translate-summary]').textContent = 'Translating…';
  el.say('');
  const correct = correctTranslation(source);
  el.q('[data-correct]').textContent =
    `“${source.map(wordName).join(' ')}”: the correct translation is “${correct.map(wordName).join(' ')}” (the dictionary’s words, verb last).`;
  // Tokens arrive as fast as the worker decodes them; they are shown one at a time so the decoding can be followed.
  const queue: DecodedToken[] = [];
  let received = false;
  let failure: string | undefined;
  const done = new Promise<void>((resolve) => {
    const off = session.listen((msg: FromWorker) => {
      if (msg.id !== id && msg.id !== -1) return;
      if (msg.type === 'translation-token') queue.push(msg.token);
      else if (msg.type === 'done' || msg.type === 'error' || msg.type === 'cancelled') {
        if (msg.type === 'error') failure = msg.message;
        if (msg.type === 'done') el.dataset.tensors = String(msg.numTensors);
        received = true;
        off();
        resolve();
      }
    });
  });
  session.send({ type: 'translate', id, source });
  const shown: DecodedToken[] = [];
  while (!received || queue.length) {
    const t = queue.shift();
    if (!t) {
      await Promise.race([done, pause(20)]);
      continue;
    }
    columns[t.mode]!.append(tokenItem(t, source));
    shown.push(t);
    if (!reducedMotion()) await pause(180);
  }
  button.disabled = false;
  if (failure) {
    el.dataset.translateState = 'error';
    el.say(`The translation failed: ${failure}`);
    return;
  }
  const right = (mode: string) => shown.filter((t) => t.mode === mode && t.word === t.correct).length;
  const n = correct.length;
  const summary = `Translated. Teacher-forced: ${right('teacher-forced')} of ${n} words correct; free-running: ${right('free-running')} of ${n}.`;
  el.q('[data-translate-summary]').textContent = summary;
  el.dataset.translateState = 'done';
}
