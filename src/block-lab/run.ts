// The block lab's run: a reader's block (its module's source text) checked, measured at initialization beside the stock
// Post-LN and Pre-LN on the same seed and batch, read by the claims that have a role for it (verdicts.ts), and trained
// for a fixed budget beside them. Every number comes from the lab's own instruments; nothing here is per block.
import { loadBlockSource, type BlockDefinition } from '~/lab/custom-block';
import { checkBlock } from '~/lab/block-check';
import { createLab, type LabFacade, type ModelOptions } from '~/lab/facade';
import type { Progress, RunOptions } from '~/lab/experiment/types';
import { blockVerdicts, newMemoCache, withMemo } from './verdicts';
import { AT_INIT, TRAINING, VARIANTS, YOURS, type AtInit, type BlockLabMeasurements, type Variant } from './measurements';

const STOCK: Record<Exclude<Variant, typeof YOURS>, ModelOptions> = {
  'Post-LN': { connection: 'residual', norm: 'post' },
  'Pre-LN': { connection: 'residual', norm: 'pre' },
};

/** The block failed its check before any training: the message names the problem (block-check.ts). */
export class BlockCheckFailed extends Error {
  constructor(
    readonly problem: string,
    message: string,
  ) {
    super(message);
    this.name = 'BlockCheckFailed';
  }
}

export interface BlockRunOptions extends Omit<RunOptions, 'adaptLab' | 'onProgress'> {
  /** Progress, with the measurements so far as `data` (the page's live charts). */
  onProgress?: (p: Progress & { data: BlockLabMeasurements }) => void;
}

function reach(loss: number[], target: number): number | null {
  for (let s = 5; s <= loss.length; s++) if (loss.slice(s - 5, s).reduce((a, b) => a + b) / 5 < target) return s;
  return null;
}

/** The instruments at initialization on one stack (AT_INIT), with a custom block or a stock wrapper. */
export function measureAtInit(lab: LabFacade, block: BlockDefinition | undefined, options: ModelOptions, seed: number): AtInit {
  const task = lab.task('reverse');
  const model = lab.model(task, { ...options, nLayers: AT_INIT.layers, dModel: AT_INIT.width, seed, block });
  const batch = { seed, batchSize: AT_INIT.batchSize };
  try {
    const probe = lab.probe(model, task, batch);
    return {
      streamGradient: lab.streamGradients(model, task, batch).norms,
      weightGradient: lab.gradientNorms(model, task, batch).norms,
      streamNorm: probe.streamNorm,
      branchRatio: Object.values(probe.branchRatio),
    };
  } finally {
    model.dispose();
  }
}

/** Check, measure, read the claims and train: see the header. Throws BlockCheckFailed when the check fails. */
export async function runBlockLab(source: string, options: BlockRunOptions): Promise<BlockLabMeasurements> {
  const { seed, signal } = options;
  // One memo for the run: the claims' re-runs reuse the measurements below (the same models, batches and instruments).
  const cache = newMemoCache();
  const lab = withMemo(await createLab({ backend: options.backend, wasmPath: options.wasmPath, runJobs: options.runJobs }), cache);
  const m: BlockLabMeasurements = {
    seed,
    atInit: { ...AT_INIT, variants: {} },
    verdicts: [],
    training: { ...TRAINING, runs: {} },
  };
  // Two parts run at once: the three trainings (in the page, on the pool's workers) and, here, the measurements at
  // initialization and the claims' readings. The progress bar weighs them by their usual share of the time.
  let measured = 0;
  let trained = 0; // share of the trainings done (the batch's fraction)
  const fraction = () => 0.3 * measured + 0.7 * trained;
  const say = (message: string) => options.onProgress?.({ fraction: fraction(), message, data: m });

  say('Checking your block (shapes, NaN, leaks, gradients by finite differences)…');
  const block = await loadBlockSource(source, 'your block');
  const check = checkBlock(block);
  if (!check.ok) throw new BlockCheckFailed(check.problem, check.message);
  await lab.checkpoint(signal);

  // Three independent trainings from the same seed and batches; in the page they share the reader's cores.
  const stop = new AbortController(); // ends the trainings if a measurement below fails, or the reader cancels
  const cancel = () => stop.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  const model = { nLayers: TRAINING.layers, dModel: TRAINING.width, seed };
  const config = { steps: TRAINING.steps, batchSize: TRAINING.batchSize, lr: TRAINING.lr, warmupSteps: TRAINING.warmupSteps, seed };
  const jobs = VARIANTS.map((v) => ({
    task: 'reverse' as const,
    model: v === YOURS ? model : { ...STOCK[v], ...model },
    config,
    targetLoss: 0, // the whole budget, so every loss at every step is known (as E2)
    ...(v === YOURS ? { blockSource: source } : {}),
  }));
  const curves = VARIANTS.map(() => [] as number[]);
  const training = lab.trainManyToTarget(jobs, {
    signal: stop.signal,
    onProgress: (p) => {
      trained = p.fraction;
      if (!p.finished) {
        curves[p.job]![p.step - 1] = p.loss;
        m.training.runs[VARIANTS[p.job]!] ??= { loss: curves[p.job]!, stepsToTarget: null, diverged: false };
      }
      say(`${VARIANTS[p.job]}: step ${p.step}, loss ${p.loss.toFixed(2)}`);
    },
  });
  void training.catch(() => undefined); // a failed training is reported where it is awaited, not as unhandled meanwhile
  let results: Awaited<typeof training>;
  try {
    try {
      const stock = Object.entries(STOCK) as [Exclude<Variant, typeof YOURS>, ModelOptions][];
      m.atInit.variants[YOURS] = measureAtInit(lab, block, {}, seed);
      measured = 0.1;
      say(`${YOURS}: gradients and stream at initialization`);
      for (const [name, opts] of stock) {
        await lab.checkpoint(signal);
        m.atInit.variants[name] = measureAtInit(lab, undefined, opts, seed);
        measured += 0.05;
        say(`${name}: gradients and stream at initialization`);
      }
      await blockVerdicts(block, { seed, signal, backend: options.backend, wasmPath: options.wasmPath, cache }, (v, i, n) => {
        m.verdicts.push(v);
        measured = 0.2 + (0.8 * i) / n;
        say(`claims on your block: ${i} of ${n}`);
      });
    } catch (err) {
      stop.abort();
      await training.catch(() => undefined);
      throw err;
    }
    results = await training;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  results.forEach((r, i) => {
    m.training.runs[VARIANTS[i]!] = { loss: r.loss, stepsToTarget: reach(r.loss, TRAINING.targetLoss), diverged: r.outcome === 'diverged' };
  });
  return m;
}
