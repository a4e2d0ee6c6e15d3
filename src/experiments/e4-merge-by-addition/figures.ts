// The charts of E4's measurements (the stored run's at build time, a live run's in the page). A merge that did
// not reach the target loss within the budget is a "not reached" row, never a missing bar.
import { thinCurve, lossChart, bars, type Maybe, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, list, quoted } from '~/charts/caption-words';

type Result = { connection: string; parameters: number; stepsToTarget: Maybe; loss: Maybe[] };

const names = (rs: Result[]) => list(rs.map((r) => quoted(r.connection)));

export const figures: FigureMaker = (m: { steps: number; targetLoss: number; results: Result[] }) => {
  const reached = m.results.filter((r) => r.stepsToTarget !== null).sort((a, b) => a.stepsToTarget! - b.stepsToTarget!);
  const missed = m.results.filter((r) => r.stepsToTarget === null);
  const notReached = `not reached in ${m.steps} steps`;
  const residual = m.results.find((r) => r.connection === 'residual');
  return [
    {
      ...lossChart(
        'Training loss by merge',
        m.results.flatMap((r) => thinCurve(r.connection, r.loss)),
      ),
      rules: Number.isFinite(m.targetLoss) ? [{ value: m.targetLoss, label: `target loss ${m.targetLoss}` }] : [],
      caption: captionOf(() => {
        if (reached.length === 0) return `No merge reaches the target loss within ${m.steps} steps.`;
        const stop = 'each curve stops where it first reaches the target loss';
        if (missed.length === 0)
          return `Every merge reaches the target loss within ${m.steps} steps (${stop}); ${quoted(reached.at(-1)!.connection)} takes the longest.`;
        return `${names(reached)} reach the target loss within ${m.steps} steps (${stop}); ${names(missed)} ${missed.length > 1 ? 'do' : 'does'} not.`;
      }),
    },
    {
      ...bars(
        `Steps to reach the target loss (budget: ${m.steps} steps)`,
        'steps to target',
        m.results.map((r) => [r.connection, r.stepsToTarget]),
      ),
      missing: { value: m.steps, text: notReached },
      caption: captionOf(() => {
        if (reached.length === 0) return `No merge reaches the target loss within ${m.steps} steps.`;
        const order =
          reached.length === 1
            ? `Only ${quoted(reached[0]!.connection)} reaches the target loss`
            : `${quoted(reached[0]!.connection)} reaches the target loss in the fewest steps and ${quoted(reached.at(-1)!.connection)} in the most`;
        return missed.length ? `${order}; ${names(missed)} ${missed.length > 1 ? 'do' : 'does'} not within ${m.steps} steps.` : `${order}.`;
      }),
    },
    // Counted from the model's tensors; concatenation's 2d² + d per sublayer is checked by a unit test.
    {
      ...bars(
        'Parameters by merge',
        'parameters',
        m.results.map((r) => [r.connection, r.parameters]),
      ),
      caption: captionOf(() => {
        if (!residual) return undefined;
        const more = m.results.filter((r) => r.parameters > residual.parameters);
        const same = m.results.filter((r) => r !== residual && r.parameters === residual.parameters);
        const parts = [
          more.length ? `${names(more)} ${more.length > 1 ? 'have' : 'has'} more parameters than ${quoted('residual')}` : '',
          same.length ? `${names(same)} ${same.length > 1 ? 'have' : 'has'} the same number` : '',
        ].filter(Boolean);
        return parts.length ? `${parts.join('; ')}.` : undefined;
      }),
    },
  ];
};
