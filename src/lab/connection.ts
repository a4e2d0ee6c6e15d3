// The wrapper around every sublayer F: a connection (residual add | average (x + F)/2 | concatenation +
// projection back to d | highway gate | none) and a norm placement (Post-LN = LN(x ⊕ F(x)) as in Vas17; Pre-LN = x ⊕ F(LN(x)) as
// in Xio20; or none), with a norm kind (LayerNorm, RMSNorm or BatchNorm: norms.ts) and an optional scale on the
// branch (x ⊕ s·F(x), GPT-2's 1/√(2N)) or a learned one started at zero (ReZero, ReZ20: x ⊕ α·F(x)).
import * as tf from '@tensorflow/tfjs-core';
import type { Connection, NormKind, NormPlacement } from './config';
import { dense } from './layers';
import { normalize } from './norms';

export interface ConnectionParams {
  ln_g?: tf.Tensor;
  ln_b?: tf.Tensor;
  cat_w?: tf.Tensor;
  cat_b?: tf.Tensor;
  gate_w?: tf.Tensor;
  gate_b?: tf.Tensor;
  /** ReZero's learned branch scale α (shape [1]), when the model has one. */
  alpha?: tf.Tensor;
}

/** Which norm the wrapper applies and how it scales the branch; the defaults are LayerNorm and no scale. */
export interface WrapOptions {
  normKind?: NormKind;
  /** s in x ⊕ s·F(x); 1 = no scale. */
  branchScale?: number;
  /** A norm to use instead of the kind's (BatchNorm with recorded or running statistics). */
  norm?: (h: tf.Tensor2D) => tf.Tensor2D;
}

/** The branch as it is added: s·F(x), times α when the sublayer has ReZero's α; F itself when neither. */
function scaleBranch(f: tf.Tensor2D, s: number, alpha: tf.Tensor | undefined): tf.Tensor2D {
  const scaled: tf.Tensor2D = s === 1 ? f : tf.mul(f, s);
  return alpha ? tf.mul(scaled, alpha) : scaled;
}

/** x ⊕ f for one connection mode. */
export function combine(mode: Connection, x: tf.Tensor2D, f: tf.Tensor2D, p: ConnectionParams): tf.Tensor2D {
  switch (mode) {
    case 'residual':
      return tf.add(x, f);
    case 'average': // what "adding pulls the output back toward the input" pictures; no Transformer does it
      return tf.mul(tf.add(x, f), 0.5);
    case 'concat': // [x, f]·W + b, W: 2d × d (projection back to d so the next sublayer sees width d)
      return dense(tf.concat([x, f], 1), p.cat_w!, p.cat_b!);
    case 'highway': {
      const g = tf.sigmoid(dense(x, p.gate_w!, p.gate_b!)); // transform gate T(x); carry = 1 − T(x)
      return tf.add(tf.mul(g, f), tf.mul(tf.sub(1, g), x));
    }
    case 'none':
      return f;
  }
}

/**
 * Apply sublayer F to x with the given connection and norm. onBranch receives (the branch as it is added,
 * s·α·F, and F's input stream x) for ‖F(x)‖/‖x‖.
 */
// #region wrap-sublayer
export function wrapSublayer(
  x: tf.Tensor2D,
  F: (h: tf.Tensor2D) => tf.Tensor2D,
  connection: Connection,
  norm: NormPlacement,
  p: ConnectionParams,
  onBranch?: (f: tf.Tensor2D, x: tf.Tensor2D) => void,
  { normKind = 'layer', branchScale = 1, norm: given }: WrapOptions = {},
): tf.Tensor2D {
  const applyNorm = given ?? ((h: tf.Tensor2D) => normalize(normKind, h, p.ln_g!, p.ln_b));
  if (norm === 'pre') {
    const f = scaleBranch(F(applyNorm(x)), branchScale, p.alpha);
    onBranch?.(f, x);
    return combine(connection, x, f, p);
  }
  const f = scaleBranch(F(x), branchScale, p.alpha);
  onBranch?.(f, x);
  const y = combine(connection, x, f, p);
  return norm === 'post' ? applyNorm(y) : y;
}
// #endregion wrap-sublayer
