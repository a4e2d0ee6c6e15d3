// Syntax errors in edited snippet code, located (line, column) by parsing it with acorn as an ES module.
import { parse } from 'acorn';

import type { CodeError } from '~/page/code-error-words';

/** A syntax error in `code` (an ES module), or undefined when it parses. */
export function syntaxError(code: string): CodeError | undefined {
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
    return undefined;
  } catch (err) {
    const e = err as SyntaxError & { loc?: { line: number; column: number } };
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    return { kind: 'syntax', message, line: e.loc?.line, column: e.loc === undefined ? undefined : e.loc.column + 1 };
  }
}
