// The charts of E17's measurements (the stored run's at build time, a live run's in the page).
import { bars, lossChart, thinCurve, type FigureMaker } from '~/charts/figure-helpers';
import { captionOf, endOf, list } from '~/charts/caption-words';
import type { E17Measurements, E17Run } from './experiment';

/** Where a run ends against the floor, in words (within 0.1 nats: at the floor). */
function where(r: E17Run, floor: number): string {
  if (r.diverged) return `diverges at step ${r.loss.length}`;
  const e = endOf(r.loss);
  if (Math.abs(e - floor) < 0.1) return 'ends at the floor';
  return e < floor ? 'ends below the floor' : 'ends above the floor';
}

/** "X and Y end at the floor; Z ends below it": the runs grouped by where they end. */
function fates(m: E17Measurements, names: string[]): string {
  const byWord = new Map<string, string[]>();
  for (const n of names) {
    const w = where(m.runs[n]!, m.floor);
    byWord.set(w, [...(byWord.get(w) ?? []), n]);
  }
  const parts = [...byWord.entries()].map(([w, ns]) => {
    const plural = ns.length > 1 ? w.replace(/^(\w+)s /, '$1 ') : w;
    return `${list(ns.map((n) => `“${n}”`))} ${plural}`;
  });
  return `${parts.join('; ')}.`;
}

export const figures: FigureMaker = (m: E17Measurements) => {
  const lnV = `ln ${Math.round(Math.exp(m.floor))}`;
  const floor = { value: m.floor, label: `${lnV}: nothing learned` };
  const adam = Object.keys(m.runs).filter((n) => n.includes('Adam'));
  const sgd = Object.keys(m.runs).filter((n) => n.includes('SGD'));
  const blocks = m.initGrad['Post-LN']?.length ?? 0;
  return [
    {
      ...lossChart(
        `Training loss with Adam at lr ${m.adamLr}`,
        adam.flatMap((n) => thinCurve(n, m.runs[n]!.loss)),
      ),
      rules: [floor],
      caption: captionOf(() => fates(m, adam)),
    },
    {
      ...lossChart(
        `Training loss with SGD with momentum at lr ${m.sgdLr}`,
        sgd.flatMap((n) => thinCurve(n, m.runs[n]!.loss)),
      ),
      rules: [floor],
      caption: captionOf(() => fates(m, sgd)),
    },
    {
      ...bars(
        'Gradient norm of each block’s weights at initialization (one batch)',
        '‖∂L/∂θ‖',
        Object.entries(m.initGrad).flatMap(([v, ys]) => ys.map((y, i): [string, number] => [`${v}, block ${i + 1}`, y])),
      ),
      caption: captionOf(() => {
        const [post, pre] = [m.initGrad['Post-LN']!, m.initGrad['Pre-LN']!];
        const top = (ys: number[]) => ys[ys.length - 1]!;
        const ratio = top(post) / top(pre);
        const phrase =
          ratio > 2
            ? 'more than twice as much gradient as'
            : ratio > 1.1
              ? 'more gradient than'
              : ratio >= 0.9
                ? 'about as much gradient as'
                : 'less gradient than';
        return `At initialization the last of Post-LN’s ${blocks} blocks gets ${phrase} Pre-LN’s.`;
      }),
    },
  ];
};
