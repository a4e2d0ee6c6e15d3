// Progress of long runs: one live line on a terminal, plain lines otherwise (at most one per 10% or 10 s, so
// CI logs stay readable).
import type { Progress } from '~/lab/experiment/types';

export function progressPrinter(label: string): { update: (p: Progress) => void; done: (text: string) => void } {
  const tty = process.stdout.isTTY;
  let lastLine = 0;
  let lastFraction = -1;
  return {
    update(p) {
      const pct = `${Math.round(p.fraction * 100)}%`.padStart(4);
      if (tty) {
        const line = `${label} ${pct} ${p.message}`;
        process.stdout.write(`\r\x1b[2K${line.slice(0, (process.stdout.columns || 100) - 1)}`);
      } else if (p.fraction - lastFraction >= 0.1 || performance.now() - lastLine > 10_000) {
        // Plain lines: at most one per 10% or per 10 s, so logs stay readable.
        lastFraction = p.fraction;
        lastLine = performance.now();
        console.log(`${label} ${pct} ${p.message}`);
      }
    },
    done(text) {
      if (tty) process.stdout.write('\r\x1b[2K');
      console.log(`${label} ${text}`);
    },
  };
}
