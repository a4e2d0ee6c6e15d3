// Training: masked cross-entropy, Adam (own update so warmup changes the rate per step) or SGD with momentum, linear warmup,
// global-norm clipping, freezing by name prefix, teacher forcing / scheduled sampling, AbortSignal,
// progress callbacks, and divergence detection with a reason naming the step, the quantity and the layer.
import * as tf from '@tensorflow/tfjs-core';
import { resolveTrainConfig, type TrainConfig } from './config';
import { forward, maskedCrossEntropy, type Model } from './model';
import { encodeBatch, type Task } from './tasks';
import { mixedDecoderInputs } from './evaluate';
import { yieldToEventLoop } from './yield';
import { layerOf } from './params';
import { makeRng } from './rng';
import { adamUpdate } from './adam-kernel';
import { squaredNorms } from './kernels/squared-norms';

export interface Progress {
  step: number;
  steps: number;
  loss: number;
  accuracy: number;
  gradNorm: number;
  msPerStep: number;
}

export interface TrainHistory {
  loss: number[];
  /** Training-batch accuracy on the loss positions. */
  accuracy: number[];
  /** Global gradient norm before clipping. */
  gradNorm: number[];
  lr: number[];
  /** Gradient norm per layer group (see layerNames) at each step. */
  gradNormByLayer: number[][];
  msPerStep: number[];
}

export interface TrainResult {
  status: 'done' | 'aborted' | 'diverged';
  /** Why the run stopped early (undefined when done). */
  reason?: string;
  stepsCompleted: number;
  /** Layer groups in gradNormByLayer order: 'embed', 'enc.<l>', 'dec.<l>', 'enc.final', 'out'. */
  layerNames: string[];
  history: TrainHistory;
  /** Median wall-clock ms per step (excluding the first, which warms up kernels). */
  medianMsPerStep: number;
  config: TrainConfig;
}

export interface TrainOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const fmt = (x: number) =>
  Number.isFinite(x)
    ? Math.abs(x) >= 1e4 || Math.abs(x) < 1e-3
      ? x.toExponential(1)
      : x.toPrecision(3)
    : String(x).replace('Infinity', 'Inf');

/** SGD with momentum in tf ops (u ← momentum·u + g; θ ← θ − lr·u): [θ', u'] per tensor (no second moment). */
function sgdUpdate(
  vars: tf.Variable[],
  u: tf.Variable[],
  g: tf.Tensor[],
  scale: tf.Scalar | null,
  momentum: number,
  lr: number,
): [tf.Tensor, tf.Tensor][] {
  return vars.map((p, i) => {
    const gi = scale ? tf.mul(g[i]!, scale) : g[i]!;
    const ui = tf.add(tf.mul(u[i]!, momentum), gi);
    return [tf.sub(p, tf.mul(ui, lr)), ui];
  });
}

/**
 * The share of true previous tokens fed at step `step` (from 0): teacherForcing, times Ben15's inverse-sigmoid decay
 * k/(k + exp(step/k)) when teacherForcingDecay = k ≥ 1.
 */
export function teacherForcingAt(cfg: Pick<TrainConfig, 'teacherForcing' | 'teacherForcingDecay'>, step: number): number {
  const k = cfg.teacherForcingDecay;
  return k > 0 ? (cfg.teacherForcing * k) / (k + Math.exp(step / k)) : cfg.teacherForcing;
}

/** Train the model in place. Resolves (never rejects for abort or divergence); the status says how it ended. */
export async function train(model: Model, task: Task, partial: Partial<TrainConfig> = {}, opts: TrainOptions = {}): Promise<TrainResult> {
  const cfg = resolveTrainConfig(partial);
  const names = [...model.params.keys()];
  const trainable = names.filter((n) => !cfg.freeze.some((p) => n.startsWith(p)));
  const vars = trainable.map((n) => model.params.get(n)!);
  const layerNames = [...new Set(names.map(layerOf))];
  const layerIndex = trainable.map((n) => layerNames.indexOf(layerOf(n)));
  const m = vars.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false))); // tidy frees the initial value
  const v2 = vars.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
  const dataRng = makeRng(cfg.seed).fork('data');
  const coinRng = makeRng(cfg.seed).fork('coins');
  const dropout = cfg.dropout > 0 ? { rate: cfg.dropout, on: cfg.dropoutOn, rng: makeRng(cfg.seed).fork('dropout') } : undefined;
  const history: TrainHistory = { loss: [], accuracy: [], gradNorm: [], lr: [], gradNormByLayer: [], msPerStep: [] };
  let status: TrainResult['status'] = 'done';
  let reason: string | undefined;
  let step = 0;
  let lastYield = now();
  const vOnly = cfg.optimizer === 'adam' ? cfg.vOnlySteps : 0;
  try {
    // Adam-2k (Liu et al. 2019): v alone accumulates the squared gradient of its own batches (a separate stream, so the
    // updating steps see the same batches as without this phase); the weights and m do not move.
    const vRng = makeRng(cfg.seed).fork('v-only');
    const vDropout = dropout ? { ...dropout, rng: makeRng(cfg.seed).fork('v-only-dropout') } : undefined;
    for (let k = 0; k < vOnly && !opts.signal?.aborted; k++) {
      const batch = encodeBatch(task, model.config, task.sample(vRng, cfg.batchSize), cfg.lossOn);
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => {
          const logits = forward(
            model,
            { B: batch.B, T: batch.T, S: batch.S, decIn: batch.decIn, encIn: batch.encIn },
            { dropout: vDropout },
          );
          return maskedCrossEntropy(logits, batch.target, batch.mask);
        }, vars);
        // The fused kernel at rate 0 leaves every weight where it is; only its v is kept (m stays zero).
        const updated = adamUpdate(
          vars,
          m,
          v2,
          vars.map((v) => grads[v.name]!),
          null,
          { beta1: cfg.beta1, beta2: cfg.beta2, epsilon: cfg.epsilon, lrT: 0 },
        );
        updated.forEach(([, , vi]: tf.Tensor[], i) => v2[i]!.assign(vi!));
      });
      if (now() - lastYield > 50) {
        await yieldToEventLoop();
        lastYield = now();
      }
    }
    for (; step < cfg.steps; step++) {
      if (opts.signal?.aborted) {
        status = 'aborted';
        reason = `aborted before step ${step + 1}`;
        break;
      }
      const t0 = now();
      const batch = encodeBatch(task, model.config, task.sample(dataRng, cfg.batchSize), cfg.lossOn);
      const ratio = teacherForcingAt(cfg, step);
      const decIn = ratio < 1 ? mixedDecoderInputs(model, batch, ratio, coinRng) : batch.decIn;
      const lr = cfg.warmupSteps > 0 ? (cfg.lr * Math.min(step + 1, cfg.warmupSteps)) / cfg.warmupSteps : cfg.lr;
      const t = step + 1;
      const packed = tf.tidy(() => {
        let correct: tf.Scalar | null = null;
        const { value, grads } = tf.variableGrads(() => {
          const logits = forward(model, { B: batch.B, T: batch.T, S: batch.S, decIn, encIn: batch.encIn }, { dropout });
          const hit = tf.cast(tf.equal(tf.argMax(logits, 1), tf.tensor1d(batch.target, 'int32')), 'float32');
          correct = tf.keep(tf.sum(tf.mul(hit, tf.tensor1d(batch.mask)))) as tf.Scalar;
          return maskedCrossEntropy(logits, batch.target, batch.mask);
        }, vars);
        if (vars.length === 0) return tf.concat([tf.reshape(value, [1]), tf.reshape(correct!, [1]), tf.zeros([1])]);
        // Adam in one fused kernel over every tensor (adam-kernel.ts), bit-identical to the tf-op version.
        const g = vars.map((v) => grads[v.name]!);
        const sq = squaredNorms(g);
        const norm = tf.sqrt(tf.sum(sq));
        // Clip by global norm; scale = min(1, clip/‖g‖).
        const scale = cfg.clipNorm > 0 ? tf.minimum(1, tf.div(cfg.clipNorm, tf.add(norm, 1e-12))) : null;
        // Bias corrections folded in; v has seen vOnly more gradients than m.
        const lrT = cfg.biasCorrection ? (lr * Math.sqrt(1 - cfg.beta2 ** (t + vOnly))) / (1 - cfg.beta1 ** t) : lr;
        const updated =
          cfg.optimizer === 'sgd'
            ? sgdUpdate(vars, m, g, scale as tf.Scalar | null, cfg.momentum, lr)
            : adamUpdate(vars, m, v2, g, scale as tf.Scalar | null, {
                beta1: cfg.beta1,
                beta2: cfg.beta2,
                epsilon: cfg.epsilon,
                lrT,
              });
        updated.forEach(([p, mi, vi]: tf.Tensor[], i) => {
          vars[i]!.assign(p!);
          m[i]!.assign(mi!);
          if (vi) v2[i]!.assign(vi);
        });
        const out = tf.concat([tf.reshape(value, [1]), tf.reshape(correct!, [1]), tf.reshape(norm, [1]), sq]);
        tf.dispose(correct!);
        return out;
      });
      const data = packed.dataSync();
      packed.dispose();
      const loss = data[0]!;
      const maskSum = batch.mask.reduce((a, b) => a + b, 0);
      const gradNorm = data[2]!;
      const byLayer = new Array<number>(layerNames.length).fill(0);
      for (let i = 0; i < trainable.length; i++) byLayer[layerIndex[i]!]! += data[3 + i]!;
      const gradNormByLayer = byLayer.map(Math.sqrt);
      const ms = now() - t0;
      history.loss.push(loss);
      history.accuracy.push(data[1]! / maskSum);
      history.gradNorm.push(gradNorm);
      history.lr.push(lr);
      history.gradNormByLayer.push(gradNormByLayer);
      history.msPerStep.push(ms);
      const bad = !Number.isFinite(loss)
        ? 'loss'
        : !Number.isFinite(gradNorm)
          ? 'gradient norm'
          : loss > cfg.maxLoss
            ? 'loss'
            : gradNorm > cfg.maxGradNorm
              ? 'gradient norm'
              : null;
      if (bad) {
        let worst = 0;
        gradNormByLayer.forEach((x, i) => {
          if (!(x <= gradNormByLayer[worst]!)) worst = i; // NaN counts as the worst
        });
        const what =
          bad === 'loss'
            ? `loss ${Number.isFinite(loss) ? `exceeded ${fmt(cfg.maxLoss)} (${fmt(loss)})` : `became ${fmt(loss)}`}`
            : `gradient norm ${Number.isFinite(gradNorm) ? `exceeded ${fmt(cfg.maxGradNorm)} (${fmt(gradNorm)})` : `became ${fmt(gradNorm)}`}`;
        status = 'diverged';
        reason = `${what} at step ${t}; gradient norm ${fmt(gradNormByLayer[worst]!)} in layer ${layerNames[worst]}`;
        step++;
        break;
      }
      if (opts.onProgress && (t % cfg.progressEvery === 0 || t === cfg.steps))
        opts.onProgress({ step: t, steps: cfg.steps, loss, accuracy: history.accuracy[step]!, gradNorm, msPerStep: ms });
      if (now() - lastYield > 50) {
        await yieldToEventLoop();
        lastYield = now();
      }
    }
  } finally {
    tf.dispose(m);
    tf.dispose(v2);
  }
  return { status, reason, stepsCompleted: step, layerNames, history, medianMsPerStep: median(history.msPerStep.slice(1)), config: cfg };
}
