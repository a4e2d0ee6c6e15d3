// <block-lab>: the small controller that ships with the page. It reveals the preset menu and buttons, restores the
// URL state (`?block.preset=rezero`, `&block.code=…` for an edited block, `&block.seed=3`), keeps each preset's edits
// while the reader switches between presets (nothing typed is lost), and on Run loads the run panel.
import { parseSeed, seedError } from './url-state';

type Editor = { getCode(): string; setCode(code: string): void; focusLine(line: number): void };

export class BlockLab extends HTMLElement {
  editor?: Editor;
  private sources: Record<string, string> = {};
  /** The reader's edits, by preset: switching presets and back restores them. */
  private edits = new Map<string, string>();
  private preset = '';

  q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector(sel) as T;
  }

  connectedCallback() {
    const data = JSON.parse(this.q('script[data-presets]').textContent!) as { default: string; sources: Record<string, string> };
    this.sources = data.sources;
    this.preset = data.default;
    this.q('[data-toolbar]').hidden = false;
    this.q('[data-buttons]').hidden = false;
    this.q('[data-needs-js]').hidden = true;
    const select = this.q<HTMLSelectElement>('[data-block-preset]');
    select.addEventListener('change', () => void this.choose(select.value));
    this.q('[data-edit]').addEventListener('click', () => void this.edit());
    this.q('[data-reset]').addEventListener('click', () => this.reset());
    this.q('[data-block-run]').addEventListener('click', () => void this.run());
    void this.restore();
  }

  say(text: string) {
    this.q('[data-notice]').textContent = text;
  }

  /** The code that runs: the editor's when open, else the preset's. */
  code(): string {
    return this.editor ? this.editor.getCode() : this.sources[this.preset]!;
  }

  private async restore() {
    const query = new URLSearchParams(location.search);
    const preset = query.get('block.preset');
    const code = query.get('block.code');
    const seed = query.get('block.seed');
    if (preset && !(preset in this.sources)) this.say(`The link's preset "${preset}" is not one of the presets, so Post-LN is shown.`);
    else if (preset) {
      this.q<HTMLSelectElement>('[data-block-preset]').value = preset;
      await this.choose(preset);
    }
    if (seed !== null) {
      if (parseSeed(seed) === undefined) this.say(`The link's ${seedError(seed)}, so seed 1 is used.`);
      else this.q<HTMLInputElement>('[data-block-seed]').value = seed;
    }
    if (code !== null && code !== this.sources[this.preset]) {
      await this.edit();
      this.editor!.setCode(code);
      this.say('The block from the link is in the editor: press “Run this block” to run it.');
    }
  }

  private async choose(id: string) {
    if (this.editor) this.edits.set(this.preset, this.editor.getCode());
    this.preset = id;
    this.querySelectorAll<HTMLElement>('[data-preset-view]').forEach((v) => (v.hidden = !!this.editor || v.dataset.presetView !== id));
    if (this.editor) this.editor.setCode(this.edits.get(id) ?? this.sources[id]!);
  }

  async edit() {
    if (this.editor) return;
    this.say('Loading the editor…');
    const { openEditor } = await import('./editor');
    const parent = this.q('[data-editor]');
    parent.hidden = false;
    this.editor = openEditor(parent, this.edits.get(this.preset) ?? this.sources[this.preset]!, 'Your block’s code (editable)');
    this.querySelectorAll<HTMLElement>('[data-preset-view]').forEach((v) => (v.hidden = true));
    this.q('[data-edit]').hidden = true;
    this.q('[data-reset]').hidden = false;
    this.say('Editing: change the block, then press “Run this block”.');
  }

  reset() {
    this.edits.delete(this.preset);
    this.editor?.setCode(this.sources[this.preset]!);
    this.say('Reset to the preset’s code.');
  }

  /** The seed typed, or undefined (with the reason shown). */
  seed(): number | undefined {
    const input = this.q<HTMLInputElement>('[data-block-seed]');
    const seed = parseSeed(input.value);
    input.toggleAttribute('aria-invalid', seed === undefined);
    if (seed === undefined) this.say(`Fix the seed first: ${seedError(input.value)}.`);
    return seed;
  }

  /** The run's state in the URL, so a link reproduces it (the code only when it differs from the preset). */
  private remember(code: string, seed: number) {
    const query = new URLSearchParams(location.search);
    for (const key of ['block.preset', 'block.code', 'block.seed']) query.delete(key);
    if (this.preset !== 'post-ln' || code !== this.sources[this.preset]) query.set('block.preset', this.preset);
    if (code !== this.sources[this.preset]) query.set('block.code', code);
    if (seed !== 1) query.set('block.seed', String(seed));
    const search = query.toString();
    history.replaceState(history.state, '', location.pathname + (search ? `?${search}` : '') + location.hash);
  }

  async run() {
    if (this.dataset.state === 'loading' || this.dataset.state === 'running') return;
    const seed = this.seed();
    if (seed === undefined) return;
    const code = this.code();
    this.remember(code, seed);
    this.say('');
    this.dataset.state = 'loading';
    try {
      const { runBlock } = await import('./block-lab-panel');
      await runBlock(this, { source: code, seed, preset: this.preset, edited: code !== this.sources[this.preset] });
    } catch (err) {
      this.dataset.state = 'error';
      this.say(`Could not load the block lab: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

if (!customElements.get('block-lab')) customElements.define('block-lab', BlockLab);
