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

/** Runs inside a measurement that ended in divergence ({ status: 'diverged', reason? }), named in words. */
export function divergedRuns(value: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => divergedRuns(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.status === 'diverged') {
      const name = ['variant', 'connection', 'name', 'mode'].map((k) => o[k]).find((v) => typeof v === 'string') ?? path;
      const lr = typeof o.lr === 'number' ? ` at learning rate ${o.lr}` : '';
      out.push(`${name}${lr}${typeof o.reason === 'string' ? ` (${o.reason})` : ''}`);
    }
    for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object') divergedRuns(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/** "Exploding gradients: …" for a finished run in which some training diverged, else undefined. */
export function explainDiverged(measurements: unknown): string | undefined {
  const runs = divergedRuns(measurements);
  if (runs.length === 0) return undefined;
  return `Exploding gradients: ${runs.length === 1 ? 'one training run' : `${runs.length} training runs`} diverged and stopped early — ${runs.join('; ')}.`;
}
