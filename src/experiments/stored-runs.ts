// The stored runs: each experiment's default run, kept as `src/experiments/<folder>/stored-run.json` (written
// by `npm run stored-runs`) and loaded at build time, so pages show measured numbers with JavaScript off.
import { assertStoredRun, type StoredRun } from '~/lab/experiment/stored-run';

const files = import.meta.glob<{ default: unknown }>('./*/stored-run.json', { eager: true });

function load(): Map<string, StoredRun> {
  const out = new Map<string, StoredRun>();
  for (const [path, mod] of Object.entries(files)) {
    const id = path.split('/')[1]!.split('-')[0]!;
    try {
      assertStoredRun(id, mod.default);
    } catch (e) {
      throw new Error(`src/experiments/${path.slice(2)}: ${(e as Error).message}`, { cause: e });
    }
    out.set(id, mod.default);
  }
  return out;
}

export const storedRuns: ReadonlyMap<string, StoredRun> = load();

/** The stored run of experiment `id`, or undefined if none has been recorded yet. */
export function getStoredRun(id: string): StoredRun | undefined {
  return storedRuns.get(id);
}
