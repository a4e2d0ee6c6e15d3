// The snippet editor: CodeMirror 6 with JavaScript support, loaded only when the reader presses Edit.
// Colours follow the site theme: the chrome uses the site's custom properties, the syntax colours use
// light-dark() pairs close to the GitHub themes Shiki uses for the read-only view.
import { EditorView, basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

const siteTheme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--bg-code)' },
  '.cm-content': { caretColor: 'var(--text)', fontFamily: 'var(--mono, monospace)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-soft)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'light-dark(#cfe0ff, #2b4a7a)' },
});

const pair = (light: string, dark: string) => `light-dark(${light}, ${dark})`;
const siteHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier, t.controlKeyword, t.definitionKeyword], color: pair('#d73a49', '#f97583') },
  { tag: [t.string, t.special(t.string), t.regexp], color: pair('#032f62', '#9ecbff') },
  { tag: [t.comment, t.blockComment, t.lineComment, t.docComment], color: pair('#57606a', '#99a1ab'), fontStyle: 'italic' },
  { tag: [t.number, t.bool, t.null, t.atom], color: pair('#005cc5', '#79b8ff') },
  {
    tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))],
    color: pair('#6f42c1', '#b392f0'),
  },
  { tag: [t.propertyName, t.definition(t.propertyName)], color: pair('#005cc5', '#79b8ff') },
  { tag: [t.typeName, t.className], color: pair('#953800', '#ffab70') },
  { tag: [t.variableName, t.definition(t.variableName), t.punctuation, t.operator], color: 'var(--text)' },
  { tag: t.invalid, color: pair('#cf222e', '#ff7b72') },
]);

export function openEditor(parent: HTMLElement, doc: string, label = 'Experiment code (editable)') {
  const view = new EditorView({
    doc,
    parent,
    extensions: [basicSetup, javascript(), siteTheme, syntaxHighlighting(siteHighlight), EditorView.lineWrapping],
  });
  view.contentDOM.setAttribute('aria-label', label);
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
