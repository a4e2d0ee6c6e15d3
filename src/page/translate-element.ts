// <translate-yourself>: the small loader that ships with the page. It reveals the controls and, on the first click of
// one of the island's buttons, loads the panel (translate-panel.ts), which does the rest: builds step 2 (the sentence
// builder), starts the island's worker, trains, translates. A link may ask for a shorter training
// (`?translate.steps=40`, shown on the page) or another seed (`?translate.seed=3`).
export class TranslateYourself extends HTMLElement {
  q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector(sel) as T;
  }

  connectedCallback() {
    this.q('[data-train-controls]').hidden = false;
    this.q('[data-needs-js]').hidden = true;
    this.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLElement>('[data-train], [data-random], [data-translate-run]');
      if (button)
        import('./translate-panel')
          .then((panel) => panel.onButton(this, button))
          .catch((err) => {
            this.dataset.state = 'error';
            this.q('[data-notice]').textContent = `Could not load the translator: ${err instanceof Error ? err.message : String(err)}`;
          });
    });
  }

  disconnectedCallback() {
    // The worker holds the trained model: ending it frees everything.
    if (this.dataset.state !== 'idle') void import('./translate-panel').then((panel) => panel.teardown(this));
  }
}

if (!customElements.get('translate-yourself')) customElements.define('translate-yourself', TranslateYourself);
