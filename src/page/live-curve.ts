// The live training curve: the lab's progress messages name the run, the step and the loss
// ("post-ln, lr 0.003: step 40, loss 1.23"), so the page can draw the loss while training goes on.
import type { ChartRow, ChartSpec } from '~/charts/spec';

const PATTERN = /^(?:(.*?):\s*)?step (\d+)(?:\/\d+)?,\s*loss (-?[\d.]+(?:e[-+]?\d+)?|NaN|Infinity)/i;

/** { series, step, loss } from a progress message, or undefined when it carries no loss. */
export function parseTrainingProgress(message: string): { series: string; step: number; loss: number } | undefined {
  const m = PATTERN.exec(message.trim());
  if (!m) return undefined;
  return { series: m[1]?.trim() || 'loss', step: Number(m[2]), loss: Number(m[3]) };
}

/** Collects the points of a run's live curve (one series per trained model, in order of appearance). */
export class LiveCurve {
  rows: ChartRow[] = [];

  add(message: string): boolean {
    const p = parseTrainingProgress(message);
    if (!p) return false;
    this.rows.push({ series: p.series, x: p.step, y: p.loss });
    return true;
  }

  spec(): ChartSpec {
    return {
      title: 'Training loss, live',
      x: { label: 'training step' },
      y: { label: 'training loss (nats)' },
      mark: 'line',
      rows: this.rows,
    };
  }
}
