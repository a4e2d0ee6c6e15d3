// The commit a stored run or verification was made at, and whether the lab or the experiments had local
// changes then ("unknown" outside a work tree).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function gitState(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src/lab', 'src/experiments'], { cwd: root, encoding: 'utf8' });
    return { commit, dirty: status.split('\n').some((l) => l.trim() !== '' && !l.endsWith('.json')) };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

/** Two-space JSON with arrays of numbers kept on one line, so curves do not take a line per number. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /\[\s*((?:-?[\d.e+-]+|null)(?:,\s*(?:-?[\d.e+-]+|null))*)\s*\]/g,
    (_m, body: string) => `[${body.split(/,\s*/).join(', ')}]`,
  );
}
