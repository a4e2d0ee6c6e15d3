// Words for the progress bar: the step count (from the lab's progress message) and an estimate of the
// time left, extrapolated from the time spent so far.

/** "post-ln: step 40/200" → { step: 40, total: 200 }; undefined when the message names no step. */
export function stepOf(message: string): { step: number; total: number } | undefined {
  const m = /(\d+)\s*\/\s*(\d+)/.exec(message);
  return m ? { step: Number(m[1]), total: Number(m[2]) } : undefined;
}

/** Seconds left, or undefined while there is too little progress to extrapolate from. */
export function secondsLeft(fraction: number, elapsedMs: number): number | undefined {
  if (!(fraction > 0.02) || !(elapsedMs > 0)) return undefined;
  const f = Math.min(fraction, 1);
  return Math.max(0, (elapsedMs * (1 - f)) / f / 1000);
}

export function formatSeconds(s: number): string {
  return s < 10 ? `${s.toFixed(1)} s` : s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`;
}

/** e.g. "post-ln: step 40/200 · 40% · about 3.2 s left". */
export function progressText(fraction: number, message: string, elapsedMs: number): string {
  const parts = [message, `${Math.round(Math.min(Math.max(fraction, 0), 1) * 100)}%`];
  const left = secondsLeft(fraction, elapsedMs);
  if (left !== undefined && fraction < 1) parts.push(`about ${formatSeconds(left)} left`);
  return parts.filter(Boolean).join(' · ');
}
