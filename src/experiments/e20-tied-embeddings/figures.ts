// The charts of E20's measurements (the stored run's at build time, a live run's in the page).
import { lossChart, thinCurve, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare } from '~/charts/caption-words';
import type { ChartRow } from '~/charts/spec';
import type { E20Measurements } from './experiment';

const LABEL: Record<string, string> = { untied: 'own output matrix', tied: 'tied to the embedding' };
const label = (name: string) => LABEL[name] ?? name;

export const figures: FigureMaker = (m: E20Measurements) => {
  const norms = Object.keys(m.init);
  const rows: ChartRow[] = norms.flatMap((norm) =>
    Object.entries(m.init[norm]!).map(([name, at]) => ({ series: label(name), x: norm, y: at.inputRank })),
  );
  const [u, t] = [m.runs.untied, m.runs.tied];
  const charts = [
    {
      title: 'Before training: how many tokens score above the one the decoder was given',
      x: { label: 'norm placement', band: true },
      y: { label: 'other tokens above it (mean over positions)' },
      mark: 'bar' as const,
      rows,
      caption: captionOf(() => {
        const word = (norm: string) => {
          const c = compare(m.init[norm]!.tied!.inputRank, m.init[norm]!.untied!.inputRank, 0.25);
          return c === 'lower' ? 'fewer' : c === 'higher' ? 'more' : 'about as many';
        };
        const same = norms.every((n) => word(n) === word(norms[0]!));
        const where = same ? [`With ${norms.join(' and with ')}, ${word(norms[0]!)}`] : norms.map((n) => `With ${n}, ${word(n)}`);
        const tail =
          ' tokens score above the decoder’s own input token when the output layer is tied to the embedding than when it has a matrix of its own';
        return `${where.map((w) => w + tail).join('. ')}. A uniform guess would put about half the vocabulary above it.`;
      }),
    },
  ];
  if (!u || !t || (u.loss.length === 0 && t.loss.length === 0)) return charts;
  return [
    ...charts,
    {
      ...lossChart(
        `Training loss on the toy translation (${m.norm}), to the target`,
        Object.entries(m.runs).flatMap(([name, r]) => thinCurve(label(name), r.loss)),
      ),
      caption: captionOf(() => {
        if (u.stepsToTarget === null || t.stepsToTarget === null)
          return 'At least one of the two models did not reach the target loss within the budget.';
        const c = compare(t.stepsToTarget, u.stepsToTarget);
        const word = c === 'lower' ? 'in fewer steps than' : c === 'higher' ? 'in more steps than' : 'in about as many steps as';
        return `The tied model reaches the target loss ${word} the model with its own output matrix (each curve stops at the target).`;
      }),
    },
  ];
};
