// The snippet editor: CodeMirror 6 with JavaScript support, themed from the site's colour variables, loaded
// only when the reader presses Edit.
import { EditorView, basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';

const siteTheme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--bg-code)' },
  '.cm-content': { caretColor: 'var(--text)', fontFamily: 'var(--mono, monospace)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-soft)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
});

export function openEditor(parent: HTMLElement, doc: string) {
  const view = new EditorView({ doc, parent, extensions: [basicSetup, javascript(), siteTheme, EditorView.lineWrapping] });
  view.contentDOM.setAttribute('aria-label', 'Experiment code (editable)');
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (code: string) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
    focusLine(line: number) {
      const at = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
      view.dispatch({ selection: { anchor: at.from, head: at.to }, scrollIntoView: true });
      view.focus();
    },
  };
}
