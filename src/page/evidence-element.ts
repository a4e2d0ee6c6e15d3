// <evidence-block>: the small controller that ships with the page. It wakes when the block nears the
// viewport (reveals the build-time form, applies the URL state), validates the reader's settings, and on
// Run loads the run panel (worker, TF.js, live chart) — nothing heavy loads before the reader asks.
import { validateParams, type ParamSchema } from '~/lab/experiment/schema';
import { readUrlState, writeUrlState, parseSeed, seedError } from './url-state';
import { formValue } from './controls';

export interface BlockConfig {
  experiment: string;
  claim: string;
  schema: ParamSchema;
  defaultSeed: number;
}

export interface RunRequest {
  params: Record<string, unknown>;
  seed: number;
}

export class EvidenceBlock extends HTMLElement {
  config!: BlockConfig;
  private woken = false;

  connectedCallback() {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          this.wake();
        }
      },
      { rootMargin: '400px' },
    );
    io.observe(this);
  }

  q<T extends Element = HTMLElement>(sel: string): T {
    return this.querySelector(sel) as T;
  }

  wake() {
    if (this.woken) return;
    this.woken = true;
    this.config = JSON.parse(this.q('script[data-config]').textContent!);
    const form = this.q<HTMLFormElement>('form[data-controls]');
    const state = readUrlState(location.search, this.config.claim, this.config.schema, this.config.defaultSeed);
    this.fill(state.values, state.seed);
    this.say(state.notice ?? '');
    form.hidden = false;
    this.q('[data-needs-js]').hidden = true;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const req = this.read();
      if (req) void this.run(req);
    });
    this.dataset.woken = '';
  }

  fill(values: Record<string, unknown>, seed: number) {
    const form = this.q<HTMLFormElement>('form[data-controls]');
    for (const [name, value] of Object.entries({ ...values, seed })) {
      const input = form.elements.namedItem(name) as HTMLInputElement | null;
      if (!input) continue;
      if (input.type === 'checkbox') input.checked = String(value) === 'true';
      else input.value = formValue(value);
    }
  }

  say(text: string) {
    this.q('[data-notice]').textContent = text;
  }

  /** The form's values, validated; shows the errors (naming each parameter) and returns undefined if any. */
  read(): RunRequest | undefined {
    const form = this.q<HTMLFormElement>('form[data-controls]');
    const raw: Record<string, string> = {};
    for (const el of Array.from(form.elements) as HTMLInputElement[]) {
      if (!el.name) continue;
      el.removeAttribute('aria-invalid');
      raw[el.name] = el.type === 'checkbox' ? String(el.checked) : el.value;
    }
    const { seed: rawSeed = '', ...params } = raw;
    const checked = validateParams(this.config.schema, params);
    const seed = parseSeed(rawSeed);
    const errors = checked.ok ? [] : checked.errors;
    if (seed === undefined) errors.push(seedError(rawSeed));
    const list = this.q('[data-errors]');
    list.replaceChildren(...errors.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    for (const text of errors) {
      const name = /^(?:parameter "([^"]+)"|(seed))/.exec(text);
      (form.elements.namedItem(name?.[1] ?? name?.[2] ?? '') as HTMLElement | null)?.setAttribute('aria-invalid', 'true');
    }
    if (!checked.ok || seed === undefined) return undefined;
    const { config: c } = this;
    history.replaceState(
      history.state,
      '',
      location.pathname + writeUrlState(location.search, c.claim, c.schema, c.defaultSeed, checked.values, seed) + location.hash,
    );
    return { params: checked.values, seed };
  }

  async run(req: RunRequest) {
    // A second press while the run panel is still loading must not start a second run.
    if (this.dataset.state === 'loading' || this.dataset.state === 'running') return;
    this.dataset.state = 'loading';
    try {
      const { runExperiment } = await import('./run-panel');
      await runExperiment(this, req);
    } catch (err) {
      this.dataset.state = 'error';
      this.say(`Could not load the experiment code: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

if (!customElements.get('evidence-block')) customElements.define('evidence-block', EvidenceBlock);
