// The charts of E12's measurements (the stored run's at build time, a live run's in the page).
import { lossChart, thinCurve, wideRange, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare } from '~/charts/caption-words';

type Run = { status: 'done' | 'diverged'; divergedAt: number | null; loss: number[]; gradNorm: number[] };

/** What became of one run, in words. */
function fate(name: string, r: Run): string {
  if (r.status === 'diverged') return `${name} diverges at step ${r.divergedAt}`;
  const end = compare(r.loss[r.loss.length - 1]!, r.loss[0]!);
  return `${name} does not diverge and ends ${end === 'about the same' ? 'about where it started' : end === 'lower' ? 'below where it started' : 'above where it started'}`;
}

const NAMES: Record<string, string> = {
  'residual, no norm': 'the stack without a norm',
  'residual, no norm, clipped': 'the same stack with clipping',
  'pre-ln': 'the Pre-LN stack',
};

export const figures: FigureMaker = (m: { clipNorm: number; runs: Record<string, Run> }) => {
  const loss = Object.entries(m.runs).flatMap(([series, r]) => thinCurve(series, r.loss));
  const grad = Object.entries(m.runs).flatMap(([series, r]) => thinCurve(series, r.gradNorm));
  return [
    {
      ...lossChart('Training loss at a high learning rate', loss),
      caption: captionOf(() => {
        const words = Object.entries(m.runs).map(([name, r]) => fate(NAMES[name] ?? name, r));
        return `${words[0]!.charAt(0).toUpperCase()}${words.join('; ').slice(1)}.`;
      }),
    },
    {
      title: 'Gradient norm before clipping',
      x: { label: 'training step' },
      y: { label: '‖∂L/∂θ‖', log: wideRange(grad, 20) },
      mark: 'line',
      rows: grad,
      caption: captionOf(() => {
        const start = (name: string) => m.runs[name]!.gradNorm[0]!;
        const ratio = start('residual, no norm') / start('pre-ln');
        const clipped = m.runs['residual, no norm, clipped']!.gradNorm;
        const rescaled = clipped.filter((g) => g > m.clipNorm).length;
        const how =
          rescaled === clipped.length ? 'at every step' : rescaled === 0 ? 'at no step' : `at ${rescaled} of its ${clipped.length} steps`;
        const size =
          ratio > 100 ? 'more than a hundred times' : ratio > 10 ? 'more than ten times' : ratio > 1 ? 'larger than' : 'no larger than';
        return `At the first step the gradient of the stack without a norm is ${size} that of the Pre-LN stack; clipping rescales it ${how} of the clipped run.`;
      }),
    },
  ];
};
