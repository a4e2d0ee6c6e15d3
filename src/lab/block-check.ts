// The check a custom block passes before any training: run it once on a small model and report the first problem
// with a message a reader can act on. In order: the module's exports and parameter specs, the output's shape, NaN or
// Inf in the output, tensors that outlive tf.tidy, an op without a gradient, and gradients that disagree with
// central finite differences on a few parameters (as tests/unit/lab/gradients.test.ts does for the stock lab).
// An endless loop never returns here: only the worker's timeout can end it.
import * as tf from '@tensorflow/tfjs-core';
import { BlockError, toBlockDefinition, type BlockDefinition, type BlockFn, type FinalNormFn } from './custom-block';
import { createModel, forward, maskedCrossEntropy, type Model } from './model';
import { copyTask, encodeBatch, taskModelFields } from './tasks';
import { makeRng } from './rng';

export type BlockProblem = 'definition' | 'shape' | 'non-finite' | 'leak' | 'no-gradient' | 'gradient-mismatch' | 'error';

export type BlockCheckResult =
  | { ok: true; /** The parameters whose gradients were compared with finite differences. */ checked: string[] }
  | { ok: false; problem: BlockProblem; message: string };

export interface BlockCheckOptions {
  /** Seed of the small model and its batch (default 5). */
  seed?: number;
  /** Finite-difference step along a unit direction (default 2e-3, as the lab's gradient tests). */
  step?: number;
  /** Largest accepted |FD − analytic| / max(|analytic|, 1e-2) (default 2e-2, as the lab's gradient tests). */
  tolerance?: number;
}

/** A problem found while running the block: thrown out of the forward pass, turned into the result. */
class Found extends Error {
  constructor(
    readonly problem: BlockProblem,
    message: string,
  ) {
    super(message);
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : String(x));

/** 'op X' from TF.js's messages for a missing gradient or a kernel the backend lacks, when it names one. */
function opOf(message: string): string | undefined {
  return /gradient function not found for (\w+)/.exec(message)?.[1] ?? /Kernel '(\w+)' not registered/.exec(message)?.[1];
}

function thrown(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Count the non-finite entries of t (one sync; the check only). */
function nonFinite(t: tf.Tensor): number {
  return tf.tidy(() => tf.sum(tf.cast(tf.logicalNot(tf.isFinite(t)), 'int32')).dataSync()[0]!);
}

/** The definition with its outputs checked for NaN/Inf, naming the site (the check's model is decoder-only). */
function withFiniteChecks(def: BlockDefinition): BlockDefinition {
  const block: BlockFn = (tfx, x, F, p, ctx) => {
    const y = def.block(tfx, x, F, p, ctx);
    if (y instanceof tf.Tensor && nonFinite(x) === 0) {
      const bad = nonFinite(y);
      if (bad > 0)
        throw new Found(
          'non-finite',
          `block() at dec.${ctx.layer}.${ctx.sublayer} returned ${bad} NaN/Inf values of ${y.size} from a finite input (a division by zero, sqrt or log of a negative number, or exp overflowing?)`,
        );
    }
    return y;
  };
  const finalNorm: FinalNormFn | undefined = def.finalNorm
    ? (tfx, x, p, ctx) => {
        const y = def.finalNorm!(tfx, x, p, ctx);
        if (y instanceof tf.Tensor && nonFinite(x) === 0 && nonFinite(y) > 0)
          throw new Found('non-finite', `finalNorm() returned ${nonFinite(y)} NaN/Inf values of ${y.size} from a finite input`);
        return y;
      }
    : undefined;
  return { ...def, block, ...(finalNorm ? { finalNorm } : {}) };
}

/** Run a custom block once on a small decoder (2 layers, d 8) and report its first problem, or ok. */
export function checkBlock(definition: BlockDefinition | Record<string, unknown>, opts: BlockCheckOptions = {}): BlockCheckResult {
  const { seed = 5, step = 2e-3, tolerance = 2e-2 } = opts;
  let def: BlockDefinition;
  let model: Model;
  const task = copyTask(4, 3);
  try {
    def = toBlockDefinition(definition as Record<string, unknown>);
    model = createModel({ ...taskModelFields(task), dModel: 8, nHeads: 2, nLayers: 2, dFF: 16, seed }, { block: def });
  } catch (err) {
    return { ok: false, problem: err instanceof BlockError ? 'definition' : 'error', message: `creating the model: ${thrown(err)}` };
  }
  const directions = new Map<string, tf.Tensor>(); // disposed with the model
  try {
    const batch = encodeBatch(task, model.config, task.sample(makeRng(seed + 4), 4), 'all');
    const lossOf = (m: Model) => () =>
      maskedCrossEntropy(forward(m, { B: batch.B, T: batch.T, decIn: batch.decIn }), batch.target, batch.mask);
    const loss = lossOf(model);
    const lossValue = () => tf.tidy(() => loss().dataSync()[0]!);

    // 1–2. Shape (applyBlock checks it) and NaN/Inf, one forward pass.
    try {
      tf.tidy(() => {
        lossOf({ ...model, block: withFiniteChecks(def) })();
      });
    } catch (err) {
      if (err instanceof Found) return { ok: false, problem: err.problem, message: err.message };
      if (err instanceof BlockError)
        return { ok: false, problem: /shape/.test(err.message) ? 'shape' : 'definition', message: err.message };
      const op = opOf(thrown(err));
      return {
        ok: false,
        problem: 'error',
        message: op ? `op ${op} is not available on the ${tf.getBackend()} backend: ${thrown(err)}` : `the block threw: ${thrown(err)}`,
      };
    }

    // 3. Leaks: every tensor made in a step must be gone when its tf.tidy ends.
    const leaked = (run: () => void) => {
      const before = tf.memory().numTensors;
      run();
      return tf.memory().numTensors - before;
    };
    const sites = 2 * model.config.nLayers;
    const leakMessage = (n: number, where: string) =>
      `the block leaks ${n} tensor${n === 1 ? '' : 's'} per ${where} (${sites} sublayers): a tensor survives tf.tidy (tf.keep, tf.variable, or a tensor kept across calls), so every training step would lose memory`;
    const forwardLeak = leaked(() => tf.tidy(() => void loss()));
    if (forwardLeak > 0) return { ok: false, problem: 'leak', message: leakMessage(forwardLeak, 'forward pass') };

    // 4. Gradients: TF.js throws when an op on the way has no gradient.
    const vars = [...model.params.values()];
    let grads: Map<string, number> = new Map();
    const rng = makeRng(seed + 6);
    const names = pickParams(model);
    for (const n of names) directions.set(n, unitDirection(model.params.get(n)!, rng));
    try {
      const backwardLeak = leaked(() =>
        tf.tidy(() => {
          const g = tf.variableGrads(loss, vars).grads;
          grads = new Map(
            names.map((n) => {
              const gn = g[model.params.get(n)!.name]; // absent when the loss does not depend on it
              return [n, gn ? tf.sum(tf.mul(gn, directions.get(n)!)).dataSync()[0]! : 0];
            }),
          );
        }),
      );
      if (backwardLeak > 0)
        return { ok: false, problem: 'leak', message: leakMessage(backwardLeak, 'training step (in its backward pass)') };
    } catch (err) {
      releaseTape();
      const op = opOf(thrown(err));
      return {
        ok: false,
        problem: 'no-gradient',
        message: op
          ? `op ${op} has no gradient on the ${tf.getBackend()} backend, so nothing before it can be trained: ${thrown(err)}`
          : `computing the gradient failed: ${thrown(err)}`,
      };
    }

    // 5. Finite differences along one random unit direction per parameter tensor.
    for (const name of names) {
      const v = model.params.get(name)!;
      const u = directions.get(name)!;
      const orig = v.clone();
      tf.tidy(() => v.assign(tf.add(orig, tf.mul(u, step))));
      const plus = lossValue();
      tf.tidy(() => v.assign(tf.sub(orig, tf.mul(u, step))));
      const minus = lossValue();
      v.assign(orig);
      orig.dispose();
      const fd = (plus - minus) / (2 * step);
      const analytic = grads.get(name)!;
      const rel = Math.abs(fd - analytic) / Math.max(Math.abs(analytic), 1e-2);
      if (!(rel <= tolerance))
        return {
          ok: false,
          problem: 'gradient-mismatch',
          message: `the gradient of ${name} disagrees with finite differences: ${fmt(analytic)} computed, ${fmt(fd)} measured (relative error ${fmt(rel)} > ${tolerance}); a tf.customGrad with a wrong gradient, or a kink at the point checked?`,
        };
    }
    return { ok: true, checked: names };
  } finally {
    tf.dispose([...directions.values()]);
    model.dispose();
  }
}

/**
 * After a backward pass that threw, TF.js keeps the tape of the forward pass, and with it a kept copy of every tensor
 * a gradient would have needed (engine.gradients only frees them once backprop succeeds): free them as it would.
 */
function releaseTape(): void {
  const state = tf.engine().state;
  if (state.gradientDepth !== 0 || !state.activeTape) return;
  for (const node of state.activeTape) tf.dispose(node.saved ?? []);
  state.activeTape = null as unknown as typeof state.activeTape;
}

/** A random unit direction over one parameter tensor. */
function unitDirection(v: tf.Variable, rng: ReturnType<typeof makeRng>): tf.Tensor {
  const u0 = Float32Array.from({ length: v.size }, () => rng.normal());
  const norm = Math.hypot(...u0);
  return tf.tensor(
    u0.map((e) => e / norm),
    v.shape,
  );
}

/** The block's own parameters at the first and last sublayer and the final norm, and weights below the blocks. */
function pickParams(model: Model): string[] {
  const names = [...model.params.keys()];
  const last = `dec.${model.config.nLayers - 1}.ffn.blk.`;
  const own = [
    ...names.filter((n) => n.startsWith('dec.0.self.blk.')).slice(0, 2),
    ...names.filter((n) => n.startsWith(last)).slice(0, 1),
    ...names.filter((n) => n.startsWith('dec.final.blk.')).slice(0, 1),
  ];
  return [...own, 'dec.0.self.wqkv', 'dec.1.ffn.w1', 'embed'];
}
