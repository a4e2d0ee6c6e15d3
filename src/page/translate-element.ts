// <translate-yourself>: the small controller that ships with the page. It reveals the controls, fills a random
// sentence on request, and on "Train the translator" or "Translate" loads the panel (translate-panel.ts), which
// starts the island's worker. A link may ask for a shorter training (`?translate.steps=40`, shown on the page).
import { parseSeed, seedError } from './url-state';

export class TranslateYourself extends HTMLElement {
  q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector(sel) as T;
  }

  connectedCallback() {
    this.q('[data-train-controls]').hidden = false;
    this.q('[data-sentence]').hidden = false;
    this.q('[data-needs-js]').hidden = true;
    this.q('[data-train]').addEventListener('click', () => void this.train());
    this.q('[data-translate-run]').addEventListener('click', () => void this.runTranslation());
    this.q('[data-random]').addEventListener('click', () => this.randomSentence());
    const seed = new URLSearchParams(location.search).get('translate.seed');
    if (seed !== null) {
      if (parseSeed(seed) === undefined) this.say(`The link's ${seedError(seed)}, so E15's default seed is used.`);
      else this.q<HTMLInputElement>('[data-translate-seed]').value = seed;
    }
  }

  disconnectedCallback() {
    // The worker holds the trained model: ending it frees everything.
    if (this.dataset.state !== 'idle') void import('./worker-session').then(({ sessionFor }) => sessionFor(this).replace());
  }

  say(text: string) {
    this.q('[data-notice]').textContent = text;
  }

  slots(): HTMLSelectElement[] {
    return [...this.querySelectorAll<HTMLSelectElement>('select[data-slot]')];
  }

  /** The sentence chosen: source ids, one per slot. */
  sentence(): number[] {
    return this.slots().map((s) => Number(s.value));
  }

  randomSentence() {
    for (const s of this.slots()) s.selectedIndex = Math.floor(Math.random() * s.options.length);
  }

  /** The seed typed, or undefined (with the reason shown). */
  seed(): number | undefined {
    const input = this.q<HTMLInputElement>('[data-translate-seed]');
    const seed = parseSeed(input.value);
    input.toggleAttribute('aria-invalid', seed === undefined);
    if (seed === undefined) this.say(`Fix the seed first: ${seedError(input.value)}.`);
    return seed;
  }

  async train() {
    if (this.dataset.state === 'loading' || this.dataset.state === 'running') return;
    const seed = this.seed();
    if (seed === undefined) return;
    this.say('');
    this.dataset.state = 'loading';
    try {
      const { trainTranslator } = await import('./translate-panel');
      await trainTranslator(this, seed);
    } catch (err) {
      this.dataset.state = 'error';
      this.say(`Could not load the translator: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async runTranslation() {
    if (this.dataset.state !== 'done' || this.dataset.translateState === 'running') return;
    try {
      const { translateSentence } = await import('./translate-panel');
      await translateSentence(this, this.sentence());
    } catch (err) {
      this.dataset.translateState = 'error';
      this.say(`Could not translate: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

if (!customElements.get('translate-yourself')) customElements.define('translate-yourself', TranslateYourself);
