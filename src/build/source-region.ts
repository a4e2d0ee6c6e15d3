// The lab's own source, shown in the answers (<SourceCode file region />, components/SourceCode.astro) and in
// their Markdown twins: the lines between `// #region <name>` and `// #endregion <name>` of a file of src/lab/,
// read at build time, so what a reader reads is what runs. Marker lines are not shown (nested regions' ones
// either) and the common indentation is removed. A missing file or region throws naming both.

// Raw text of every lab file, keyed by its repository path (src/lab/…). import.meta.glob (not fs) so it works
// in the site build, in Vitest and in scripts run through Vite alike.
const LAB_SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('/src/lab/**/*.ts', { query: '?raw', import: 'default', eager: true })).map(([path, text]) => [
    path.slice(1),
    text,
  ]),
);

const MARKER = /^\s*\/\/\s*#(end)?region\b/;

/** The lines of `region` in `source` (a file's text), markers dropped and dedented; `file` names it in errors. */
export function extractRegion(source: string, region: string, file: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*//\\s*#region\\s+${escape(region)}\\s*$`).test(l));
  if (start < 0) throw new Error(`${file} has no region "${region}" (a line \`// #region ${region}\`)`);
  const endOffset = lines.slice(start + 1).findIndex((l) => new RegExp(`^\\s*//\\s*#endregion\\s+${escape(region)}\\s*$`).test(l));
  if (endOffset < 0) throw new Error(`${file}: region "${region}" is never closed (a line \`// #endregion ${region}\`)`);
  const body = lines.slice(start + 1, start + 1 + endOffset).filter((l) => !MARKER.test(l));
  if (!body.some((l) => l.trim())) throw new Error(`${file}: region "${region}" is empty`);
  return dedent(body).join('\n');
}

/** The region `region` of the lab file `file` (a repository path such as src/lab/connection.ts). */
export function sourceRegion(file: string, region: string): string {
  const source = LAB_SOURCES[file];
  if (source === undefined)
    throw new Error(`no source file ${file} (<SourceCode> shows files of src/lab/, named from the repository root)`);
  return extractRegion(source, region, file);
}

// The one lab file that is not run by the experiments: plain-tf forms of the fused kernels, for readers and tests.
const REFERENCE_FILE = 'src/lab/reference.ts';

/** Said under shown source after "From <file>:" (page and twin alike), so a reader knows whether it is what runs. */
export function sourceNote(file: string): string {
  return file === REFERENCE_FILE
    ? "what the lab's fused kernel computes, in the public tf API (a unit test checks they agree)"
    : 'the code the lab runs';
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = Math.min(...indents);
  return lines.map((l) => l.slice(common).trimEnd());
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
