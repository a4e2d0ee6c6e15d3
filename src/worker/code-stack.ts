// Where a runtime error in edited snippet code happened: the module runs from a blob: URL, so its stack
// frames name that URL with the line and column in the code the reader sees.

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
