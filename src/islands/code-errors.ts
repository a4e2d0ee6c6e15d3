// Where an error in edited snippet code happened, as "line L, column C" of the code the reader sees:
// runtime errors carry it in their stack (the module is loaded from a blob: URL); syntax errors are
// located by parsing the code with acorn.
import { parse } from 'acorn';

export interface CodeError {
  kind: 'syntax' | 'runtime' | 'timeout';
  message: string;
  line?: number;
  column?: number;
}

/** The first "blob:…:line:col" (or a given module URL) position in an error stack. */
export function positionInStack(stack: string | undefined, moduleUrl?: string): { line: number; column: number } | undefined {
  if (!stack) return undefined;
  for (const row of stack.split('\n')) {
    if (moduleUrl ? !row.includes(moduleUrl) : !row.includes('blob:')) continue;
    const m = /:(\d+):(\d+)\)?\s*$/.exec(row);
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return undefined;
}

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

/** "SyntaxError at line 3, column 7: Unexpected token". */
export function describeCodeError(e: CodeError): string {
  const where = e.line ? ` at line ${e.line}${e.column ? `, column ${e.column}` : ''}` : '';
  const label = e.kind === 'syntax' ? 'Syntax error' : e.kind === 'timeout' ? 'Stopped' : 'Error';
  return `${label}${where}: ${e.message}`;
}
