// An error in edited snippet code, and the sentence that shows it ("Syntax error at line 3, column 7: …").

export interface CodeError {
  kind: 'syntax' | 'runtime' | 'timeout';
  message: string;
  line?: number;
  column?: number;
}

/** "SyntaxError at line 3, column 7: Unexpected token". */
export function describeCodeError(e: CodeError): string {
  const where = e.line ? ` at line ${e.line}${e.column ? `, column ${e.column}` : ''}` : '';
  const label = e.kind === 'syntax' ? 'Syntax error' : e.kind === 'timeout' ? 'Stopped' : 'Error';
  return `${label}${where}: ${e.message}`;
}
