// The wrapper around every sublayer F: a connection (residual add | average (x + F)/2 | concatenation +
// projection back to d | highway gate | none) and a norm placement (Post-LN = LN(x ⊕ F(x)) as in Vas17; Pre-LN = x ⊕ F(LN(x)) as
// in Xio20; or none).
import * as tf from '@tensorflow/tfjs-core';
import type { Connection, NormPlacement } from './config';
import { layerNorm, dense } from './layers';

export interface ConnectionParams {
  ln_g?: tf.Tensor;
  ln_b?: tf.Tensor;
  cat_w?: tf.Tensor;
  cat_b?: tf.Tensor;
  gate_w?: tf.Tensor;
  gate_b?: tf.Tensor;
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
 * Apply sublayer F to x with the given connection and norm. onBranch receives (F's output, F's input
 * stream x) for ‖F(x)‖/‖x‖.
 */
// #region wrap-sublayer
export function wrapSublayer(
  x: tf.Tensor2D,
  F: (h: tf.Tensor2D) => tf.Tensor2D,
  connection: Connection,
  norm: NormPlacement,
  p: ConnectionParams,
  onBranch?: (f: tf.Tensor2D, x: tf.Tensor2D) => void,
): tf.Tensor2D {
  if (norm === 'pre') {
    const f = F(layerNorm(x, p.ln_g!, p.ln_b!));
    onBranch?.(f, x);
    return combine(connection, x, f, p);
  }
  const f = F(x);
  onBranch?.(f, x);
  const y = combine(connection, x, f, p);
  return norm === 'post' ? layerNorm(y, p.ln_g!, p.ln_b!) : y;
}
// #endregion wrap-sublayer
