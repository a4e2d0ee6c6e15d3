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
import { correctTranslation, dictionary, initialSentence, SOURCE_SLOTS, wordName } from '~/lab/translation-words';
// Step 2's styles as a file of its own, linked when the panel loads (a plain CSS import would be inlined in every page).
import stylesUrl from './translate-panel.css?url';
import { sessionFor } from './worker-session';
import { progressText, TimeLeft } from './progress-text';
import { backendLine } from './backend-line';
import { gracefulCancel } from './run-stops';
import { LiveCurve } from './live-curve';
import { parseSeed, seedError } from './url-state';

const say = (el: TranslateYourself, text: string) => (el.q('[data-notice]').textContent = text);

/** The seed typed, or undefined (with the reason shown). */
function seedOf(el: TranslateYourself): number | undefined {
  const input = el.q<HTMLInputElement>('[data-translate-seed]');
  const seed = parseSeed(input.value);
  input.toggleAttribute('aria-invalid', seed === undefined);
  if (seed === undefined) say(el, `Fix the seed first: ${seedError(input.value)}.`);
  return seed;
}

let urlRead = false;
/** A link's `translate.seed`, read into the seed field on the first training; what was wrong with it, if anything. */
function readUrlSeed(el: TranslateYourself): string {
  if (urlRead) return '';
  urlRead = true;
  const seed = new URLSearchParams(location.search).get('translate.seed');
  if (seed === null) return '';
  if (parseSeed(seed) === undefined) return `The link's ${seedError(seed)}, so E15's default seed is used.`;
  el.q<HTMLInputElement>('[data-translate-seed]').value = seed;
  return '';
}

/** The chosen sentence: source ids, one per slot. */
const sentenceOf = (el: TranslateYourself) => [...el.querySelectorAll<HTMLSelectElement>('select[data-slot]')].map((s) => Number(s.value));

/** What a click on one of the island's buttons does (the loader sends every click here). */
export async function onButton(el: TranslateYourself, button: HTMLElement): Promise<void> {
  if (button.matches('[data-random]')) {
    for (const s of el.querySelectorAll<HTMLSelectElement>('select[data-slot]'))
      s.selectedIndex = Math.floor(Math.random() * s.options.length);
  } else if (button.matches('[data-translate-run]')) {
    if (el.dataset.state !== 'done' || el.dataset.translateState === 'running') return;
    await translateSentence(el, sentenceOf(el)).catch((err) => {
      el.dataset.translateState = 'error';
      say(el, `Could not translate: ${err instanceof Error ? err.message : String(err)}`);
    });
  } else if (button.matches('[data-train]')) {
    if (el.dataset.state === 'loading' || el.dataset.state === 'running') return;
    const urlNotice = readUrlSeed(el);
    const seed = seedOf(el);
    if (seed === undefined) return;
    say(el, urlNotice);
    el.dataset.state = 'loading';
    await trainTranslator(el, seed).catch((err) => {
      el.dataset.state = 'error';
      say(el, `The training could not start: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}

/** Ends the island's worker, and with it the kept model. */
export function teardown(el: TranslateYourself): void {
  sessionFor(el).replace();
}

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

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const CLASS_LABEL = { adjective: 'Adjective', noun: 'Noun', verb: 'Verb' } as const;
const COLUMNS = [
  ['teacher-forced', 'Teacher-forced', 'Each step is fed the correct previous word.'],
  ['free-running', 'Free-running', 'Each step is fed the model’s own previous word.'],
] as const;

/** Step 2, built once: the sentence builder (five selects of the toy source language), the two columns, the dictionary. */
function buildStep2(el: TranslateYourself) {
  const host = el.q('[data-step2]');
  if (host.childElementCount) return;
  if (!document.querySelector('link[data-translate-styles]'))
    document.head.append(h('link', { rel: 'stylesheet', href: stylesUrl, 'data-translate-styles': '' }));
  const initial = initialSentence();
  const slots = SOURCE_SLOTS.map((slot, i) => {
    const select = h('select', { 'data-slot': String(i), name: `word${i + 1}` });
    for (const w of slot.words) select.append(new Option(w.name, String(w.id), false, w.id === initial[i]));
    return h('label', {}, `${i + 1}. ${CLASS_LABEL[slot.wordClass]}`, select);
  });
  const sentence = h(
    'fieldset',
    { class: 'ty-sentence', 'data-sentence': '' },
    h('legend', {}, 'Your sentence (source language: adjective noun verb adjective noun)'),
    h('div', { class: 'ty-slots' }, ...slots),
    h(
      'div',
      { class: 'ty-row' },
      h('button', { type: 'button', 'data-random': '' }, 'Random sentence'),
      h('button', { type: 'button', 'data-translate-run': '', disabled: '' }, 'Translate'),
      h('span', { class: 'ty-muted', 'data-translate-hint': '' }, 'Train the translator first.'),
    ),
  );
  const columns = COLUMNS.map(([mode, title, why]) =>
    h(
      'section',
      { class: 'ty-column', 'data-column': mode, 'aria-labelledby': `ty-col-${mode}` },
      h('p', { class: 'ty-col-head', id: `ty-col-${mode}` }, title),
      h('p', { class: 'ty-muted' }, why),
      h('ol', { class: 'ty-tokens', 'data-tokens': '' }),
    ),
  );
  const result = h(
    'div',
    { 'data-result': '', hidden: '' },
    h('p', { 'data-correct': '' }),
    h('p', { 'data-translate-summary': '', role: 'status' }),
    h('div', { class: 'ty-columns' }, ...columns),
    h(
      'p',
      { class: 'ty-muted' },
      'Shading: the cross-attention weight of the last decoder layer (mean over its heads) on each source word, framed where it is largest; the numbers are the weights, each row sums to 1.',
    ),
  );
  const dict = h(
    'details',
    { class: 'ty-dictionary' },
    h('summary', {}, 'The toy language’s dictionary'),
    h(
      'p',
      { class: 'ty-muted' },
      'Every source word has its own target word: the task’s fixed table (translationLanguage in src/lab/tasks.ts).',
    ),
    h('ul', {}, ...dictionary().map((d) => h('li', {}, `${d.wordClass}s: ${d.pairs.map(([s, t]) => `${s} → ${t}`).join(', ')}`))),
  );
  host.append(sentence, result, dict);
}

export async function trainTranslator(el: TranslateYourself, seed: number): Promise<void> {
  buildStep2(el);
  const session = sessionFor(el);
  const id = session.id();
  const { steps, notice } = stepsFromUrl(location.search);
  if (notice) say(el, [el.q('[data-notice]').textContent, notice].filter(Boolean).join(' '));
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
  // A new training replaces the model: the last one's translations go with it.
  el.q('[data-result]').hidden = true;
  el.dataset.translateState = 'idle';
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
  say(el, '');
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
    say(el, `The translation failed: ${failure}`);
    return;
  }
  const right = (mode: string) => shown.filter((t) => t.mode === mode && t.word === t.correct).length;
  const n = correct.length;
  const summary = `Translated. Teacher-forced: ${right('teacher-forced')} of ${n} words correct; free-running: ${right('free-running')} of ${n}.`;
  el.q('[data-translate-summary]').textContent = summary;
  el.dataset.translateState = 'done';
}
