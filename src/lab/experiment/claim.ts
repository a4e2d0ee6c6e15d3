// What a claim is: a sentence the article shows, the experiment and parameters that measure it, a
// predicate that decides from the measurements whether the sentence holds, and the seeds it must hold for.

/** What a predicate decides on one run (each-seed) or on the runs of all seeds (mean-over-seeds). */
export interface Outcome {
  holds: boolean;
  /** The numbers the decision rests on, in words (shown when a test fails and on the claims page). */
  detail: string;
  /** The claim's key figure on these measurements (its `figure` says what it is): summarized over seeds on the page. */
  value?: number;
}

/** Another configuration of the same experiment, run with the claim's predicate. */
export interface ClaimConfiguration {
  /** Parameters on top of the claim's own (missing ones take the claim's, then the experiment's defaults). */
  params: Record<string, unknown>;
  /** Seeds to run (the claim's seeds when missing; a counter-run takes the claim's first seed). */
  seeds?: number[];
}

/** A real configuration on which the predicate must NOT hold: proof that the check can fail. */
export interface CounterRun extends ClaimConfiguration {
  /** Why the claim should fail there, in one sentence (shown on the page). */
  why: string;
}

/** A larger configuration on which the claim is checked too (by `npm run verify-claims`, stored with provenance). */
export interface Scale extends ClaimConfiguration {
  /** How it differs, e.g. "d 64, 12 layers". */
  label: string;
  /**
   * Set when the claim does NOT hold at this scale and its statement says so: why, in one sentence (shown on the
   * page). Such a scale is where the claim stops; verify-claims requires it to fail there, as for a counter-run.
   */
  limit?: string;
}

interface ClaimBase {
  id: string;
  /** The sentence the article shows. */
  statement: string;
  /** Experiment id, e.g. "e1". */
  experiment: string;
  /** Parameters passed to the experiment (missing ones take its defaults). */
  params: Record<string, unknown>;
  /** Seeds the claim must hold for (at least 5). */
  seeds: number[];
  /** The key figure the predicate returns as Outcome.value, e.g. "first/last-layer gradient ratio". */
  figure: string;
  /** Real configurations where the predicate must not hold (at least one). */
  counterRuns: CounterRun[];
  /** Larger configurations where it must hold too; required when the statement is about depth or training. */
  scales: Scale[];
  /**
   * Checked in `claims-<testFile>.test.ts` beside `claims.test.ts`, with the other claims of the experiment that name
   * the same file, so that the claims project's two workers share a long experiment. Claims whose runs share
   * trainings belong in one file: trainings are shared within a test process only.
   */
  testFile?: string;
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
