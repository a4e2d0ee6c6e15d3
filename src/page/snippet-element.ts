// <code-snippet>: Edit loads CodeMirror on demand; Run sends the (edited) code to a worker of its own;
// code that stops responding is stopped by terminating and replacing that worker; Reset restores the
// original. data-state follows the evidence block's: idle | loading | running | done | error | cancelled.
import type { EvidenceBlock } from './evidence-element';

class CodeSnippet extends HTMLElement {
  editor?: { getCode(): string; setCode(code: string): void; focusLine(line: number): void };
  original = '';

  q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector(sel) as T;
  }

  connectedCallback() {
    this.original = this.q('[data-view]').textContent ?? '';
    this.q('[data-toolbar]').hidden = false;
    this.q('[data-edit]').addEventListener('click', () => void this.edit());
    this.q('[data-reset]').addEventListener('click', () => this.reset());
    this.q('[data-snippet-run]').addEventListener('click', () => void this.run());
  }

  code(): string {
    return this.editor ? this.editor.getCode() : this.original;
  }

  async edit() {
    if (this.editor) return;
    this.status('Loading the editor…');
    const { openEditor } = await import('./editor');
    const parent = this.q('[data-editor]');
    parent.hidden = false;
    this.editor = openEditor(parent, this.original);
    this.q('[data-view]').hidden = true;
    this.q('[data-edit]').hidden = true;
    this.q('[data-reset]').hidden = false;
    this.status('Editing: press “Run this code” to run your version.');
  }

  reset() {
    this.editor?.setCode(this.original);
    this.status('Reset to the original code.');
    this.q('[data-snippet-output]').hidden = true;
  }

  status(text: string, kind = 'info') {
    const el = this.q('[data-snippet-status]');
    el.textContent = text;
    el.dataset.kind = kind;
  }

  async run() {
    const block = this.closest('evidence-block') as EvidenceBlock | null;
    if (this.dataset.state === 'loading' || this.dataset.state === 'running') return;
    block?.wake?.();
    const req = block?.read?.();
    if (block && !req) return this.status('Fix the settings above first.', 'error');
    this.dataset.state = 'loading';
    const { runSnippet } = await import('./snippet-runner');
    // Inside an evidence block the snippet runs with the block's settings; on its own, with the defaults.
    await runSnippet(this, this.code(), req ?? { params: JSON.parse(this.dataset.params ?? '{}'), seed: Number(this.dataset.seed ?? 0) });
  }
}

if (!customElements.get('code-snippet')) customElements.define('code-snippet', CodeSnippet);
export type { CodeSnippet };
