// What a claim is: a sentence the article shows, the experiment and parameters that measure it, a
// predicate that decides from the measurements whether the sentence holds, and the seeds it must hold for.

export interface Outcome {
  holds: boolean;
  /** The numbers the decision rests on, in words (shown when a test fails and on the claims page). */
  detail: string;
}

interface ClaimBase {
  id: string;
  /** The sentence the article shows. */
  statement: string;
  /** Experiment id, e.g. "e1". */
  experiment: string;
  /** Parameters passed to the experiment (missing ones take its defaults). */
  params: Record<string, unknown>;
  /** Seeds the claim must hold for (at least 3). */
  seeds: number[];
}

/** Must hold on each seed's run separately. */
export interface EachSeedClaim<M> extends ClaimBase {
  mode: 'each-seed';
  predicate(measurements: M): Outcome;
}

/** Must hold on the mean over the seeds' runs (for effects too small to show on every single seed). */
export interface MeanOverSeedsClaim<M> extends ClaimBase {
  mode: 'mean-over-seeds';
  predicate(runs: M[]): Outcome;
}

export type Claim<M = unknown> = EachSeedClaim<M> | MeanOverSeedsClaim<M>;
