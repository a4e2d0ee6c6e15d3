// The ids of all question files (file name without .mdx), read from the content directory, so the schema can
// reject a `related` id that names no file. Reading the directory is the only way a per-entry schema can know
// about the other entries.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function questionIdsIn(dir: URL | string): Set<string> {
  const path = typeof dir === 'string' ? dir : fileURLToPath(dir);
  return new Set(
    readdirSync(path)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => name.slice(0, -'.mdx'.length)),
  );
}
