// Words for the progress bar: the step count (from the lab's progress message) and an estimate of the
// time left, measured on the reader's own machine: from the progress made since the first progress message
// (so loading TF.js does not count), and only once there is enough of it to go by.

/** "post-ln: step 40/200" → { step: 40, total: 200 }; undefined when the message names no step. */
export function stepOf(message: string): { step: number; total: number } | undefined {
  const m = /(\d+)\s*\/\s*(\d+)/.exec(message);
  return m ? { step: Number(m[1]), total: Number(m[2]) } : undefined;
}

/** Progress since the run's first progress message: an estimate only after 1 s and 5% of the run. */
export class TimeLeft {
  private start?: { fraction: number; ms: number };

  /** Seconds left at `fraction` (0..1) at time `ms`, or undefined while too little has been measured. */
  at(fraction: number, ms: number): number | undefined {
    if (!this.start) {
      this.start = { fraction, ms };
      return undefined;
    }
    const done = fraction - this.start.fraction;
    const spent = ms - this.start.ms;
    if (!(done > 0.05) || !(spent > 1000) || fraction >= 1) return undefined;
    return Math.max(0, ((1 - fraction) * spent) / done / 1000);
  }
}

export function formatSeconds(s: number): string {
  return s < 10 ? `${s.toFixed(1)} s` : s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`;
}

/** e.g. "post-ln: step 40/200 · 40% · about 3.2 s left" (the estimate only once measured). */
export function progressText(fraction: number, message: string, secondsLeft: number | undefined): string {
  const parts = [message, `${Math.round(Math.min(Math.max(fraction, 0), 1) * 100)}%`];
  if (secondsLeft !== undefined && fraction < 1) parts.push(`about ${formatSeconds(secondsLeft)} left`);
  return parts.filter(Boolean).join(' · ');
}
