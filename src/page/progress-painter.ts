// A run's progress bar and text, painted at most every 250 ms. A pool of trainings reports up to ~40 times a
// second, and painting each report cost the page CPU time that the training workers need on a two-core machine.
import { progressText, TimeLeft } from './progress-text';

export interface ProgressPainter {
  /** Shows this progress: the first report at once, later ones with the latest of each 250 ms. */
  show(fraction: number, message: string): void;
  /** Drops a pending paint (the run ended and its final text is being written). */
  stop(): void;
}

export function progressPainter(bar: HTMLProgressElement, text: HTMLElement, everyMs = 250): ProgressPainter {
  const timeLeft = new TimeLeft();
  let latest: { fraction: number; message: string } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const paint = () => {
    timer = undefined;
    if (!latest) return;
    bar.value = latest.fraction;
    text.textContent = progressText(latest.fraction, latest.message, timeLeft.at(latest.fraction, performance.now()));
  };
  return {
    show(fraction, message) {
      const first = latest === undefined;
      latest = { fraction, message };
      if (first) paint();
      else timer ??= setTimeout(paint, everyMs);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
