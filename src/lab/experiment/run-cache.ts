// Claims that use the same experiment, parameters and seed share one run: the claims suite would
// otherwise train the same models several times and blow its time budget.

/** JSON with object keys sorted, so `{a:1,b:2}` and `{b:2,a:1}` give the same cache key. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function runKey(experimentId: string, params: Record<string, unknown>, seed: number): string {
  return `${experimentId}|${canonicalJson(params)}|seed=${seed}`;
}

export type Runner<M> = (experimentId: string, params: Record<string, unknown>, seed: number) => Promise<M>;

export interface RunCache<M> {
  get(experimentId: string, params: Record<string, unknown>, seed: number): Promise<M>;
  /** How many runs actually executed, and how many requests were served from the cache. */
  stats(): { runs: number; hits: number };
}

/**
 * Memoizes `runner` on (experiment, params, seed). Holds the promise, so concurrent requests for the same
 * run wait for one execution; a failed run is forgotten so that a retry runs again.
 */
export function createRunCache<M>(runner: Runner<M>): RunCache<M> {
  const entries = new Map<string, Promise<M>>();
  let runs = 0;
  let hits = 0;
  return {
    get(experimentId, params, seed) {
      const key = runKey(experimentId, params, seed);
      const cached = entries.get(key);
      if (cached) {
        hits += 1;
        return cached;
      }
      runs += 1;
      const pending = runner(experimentId, params, seed);
      entries.set(key, pending);
      pending.catch(() => entries.delete(key));
      return pending;
    },
    stats: () => ({ runs, hits }),
  };
}
