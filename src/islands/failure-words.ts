// Turns a failed or odd run into a sentence a reader can act on: divergence (NaN/Inf, exploding gradients),
// non-finite numbers hidden in the measurements, or an error in edited code.

/** The dotted paths of every NaN/±Infinity (or null standing in for one in JSON) number in a measurement. */
export function nonFinitePaths(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(path || '(value)');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinitePaths(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

const DIVERGED = /\b(nan|inf|infinity|diverg\w*|explod\w*)\b/i;

/** A sentence for a failed run: divergence messages get named as exploding gradients, others pass through. */
export function explainFailure(message: string): string {
  const text = message.replace(/^Error:\s*/, '').trim() || 'the run failed without a message';
  if (DIVERGED.test(text)) {
    return `The run diverged (exploding gradients): ${text}. Try a smaller learning rate, warmup, or a variant with normalization.`;
  }
  return `The run failed: ${text}`;
}

/** A note for results that finished but contain NaN/Inf, naming where. */
export function explainNonFinite(measurements: unknown): string | undefined {
  const paths = nonFinitePaths(measurements);
  if (paths.length === 0) return undefined;
  const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
  return `Some numbers are not finite (NaN or Inf) — at ${shown}: the signal overflowed float32, as exploding gradients do.`;
}
