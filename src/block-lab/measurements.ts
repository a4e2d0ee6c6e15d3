// What a block lab run measures (run.ts), as plain data: the page's charts and exports read it without loading TF.js.
import type { Verdict } from './verdicts';

export const YOURS = 'your block';
export const VARIANTS = [YOURS, 'Post-LN', 'Pre-LN'] as const;
export type Variant = (typeof VARIANTS)[number];
/** The instruments' stack: as E1's and E8's claims (12 layers, d 32, reversal, 16 sequences). */
export const AT_INIT = { layers: 12, width: 32, batchSize: 16 } as const;
/** The training beside the stock wrappers: small enough for a short run in the page (3 layers, d 32, 16 sequences a step, Adam 0.003, no warmup, 80 steps). */
export const TRAINING = { layers: 3, width: 32, batchSize: 16, steps: 80, lr: 0.003, warmupSteps: 0, targetLoss: 1 } as const;

export interface AtInit {
  /** ‖∂loss/∂x_l‖ entering the first block (index 0) and leaving each block. */
  streamGradient: number[];
  /** ‖∂loss/∂θ‖ of each block's weights, first block first. */
  weightGradient: number[];
  /** Mean token norm of the stream after the embedding (index 0) and after each block. */
  streamNorm: number[];
  /** ‖F(x)‖/‖x‖ of each sublayer, in order (dec.0.self, dec.0.ffn, dec.1.self, …). */
  branchRatio: number[];
}

export interface TrainingRun {
  /** Training loss at every step of the budget (shorter if the run diverged or was stopped). */
  loss: number[];
  /** First step at which the mean loss of the last 5 steps is below the target; null if not within the budget. */
  stepsToTarget: number | null;
  diverged: boolean;
}

export interface BlockLabMeasurements {
  seed: number;
  atInit: typeof AT_INIT & { variants: Partial<Record<Variant, AtInit>> };
  verdicts: Verdict[];
  training: typeof TRAINING & { runs: Partial<Record<Variant, TrainingRun>> };
}
