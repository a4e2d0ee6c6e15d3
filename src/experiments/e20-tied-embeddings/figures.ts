// The charts of E20's measurements (the stored run's at build time, a live run's in the page).
import { bars, lossChart, thinCurve, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, compare } from '~/charts/caption-words';
import type { E20Measurements } from './experiment';

const LABEL: Record<string, string> = { untied: 'own output matrix', tied: 'tied to the embedding' };
const label = (name: string) => LABEL[name] ?? name;

export const figures: FigureMaker = (m: E20Measurements) => {
  const names = Object.keys(m.runs);
  const trained = names.filter((n) => m.runs[n]!.loss.length > 0);
  const [u, t] = [m.runs.untied, m.runs.tied];
  const charts = [
    {
      ...bars(
        'Before training: how many tokens score above the one the decoder was given',
        'other tokens above it (mean over positions)',
        names.map((n) => [label(n), m.runs[n]!.inputRank]),
      ),
      caption: captionOf(() => {
        if (!u || !t) return undefined;
        const c = compare(t.inputRank, u.inputRank, 0.25);
        const word = c === 'lower' ? 'fewer' : c === 'higher' ? 'more' : 'about as many';
        return `With the output layer tied to the embedding, ${word} tokens score above the decoder’s own input token than with an output matrix of its own; a uniform guess would put about half the vocabulary above it.`;
      }),
    },
  ];
  if (trained.length === 0) return charts;
  return [
    ...charts,
    {
      ...lossChart(
        'Training loss on the toy translation, to the target',
        trained.flatMap((n) => thinCurve(label(n), m.runs[n]!.loss)),
      ),
      caption: captionOf(() => {
        if (!u || !t) return undefined;
        if (u.stepsToTarget === null || t.stepsToTarget === null)
          return 'At least one of the two models did not reach the target loss within the budget.';
        const c = compare(t.stepsToTarget, u.stepsToTarget);
        const word = c === 'lower' ? 'in fewer steps than' : c === 'higher' ? 'in more steps than' : 'in about as many steps as';
        return `The tied model reaches the target loss ${word} the model with its own output matrix (each curve stops at the target).`;
      }),
    },
  ];
};
