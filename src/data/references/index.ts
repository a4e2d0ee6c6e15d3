// The stored reference runs (one JSON file per experiment, written by `npm run references`), loaded at
// build time by Vite so pages show measured numbers with JavaScript off.
import { assertStoredReference, type StoredReference } from '../../lab/experiments/reference';

const files = import.meta.glob<{ default: unknown }>('./*.json', { eager: true });

function load(): Map<string, StoredReference> {
  const out = new Map<string, StoredReference>();
  for (const [path, mod] of Object.entries(files)) {
    const id = path.replace(/^\.\//, '').replace(/\.json$/, '');
    assertStoredReference(id, mod.default);
    out.set(id, mod.default);
  }
  return out;
}

export const references: ReadonlyMap<string, StoredReference> = load();

/** The stored reference of experiment `id`, or undefined if none has been recorded yet. */
export function getReference(id: string): StoredReference | undefined {
  return references.get(id);
}
