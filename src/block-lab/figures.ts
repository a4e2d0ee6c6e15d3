// The block lab's charts, from a run's measurements (partial while it runs): the reader's block beside the stock
// Post-LN and Pre-LN, by depth at initialization and over training. Captions are computed from the numbers.
import type { ChartSpec } from '~/charts/spec';
import { formatNumber as fmt } from '~/charts/spec';
import { curves, lossChart, thinCurve, wideRange } from '~/charts/figure-helpers';
import { VARIANTS, type BlockLabMeasurements, type AtInit } from './measurements';

/** One curve per variant measured so far. */
function byDepth(m: BlockLabMeasurements, pick: (a: AtInit) => number[]): Record<string, number[]> {
  return Object.fromEntries(VARIANTS.flatMap((v) => (m.atInit.variants[v] ? [[v, pick(m.atInit.variants[v])]] : [])));
}

const each = (values: Record<string, number[]>, say: (ys: number[]) => string) =>
  Object.entries(values)
    .map(([v, ys]) => `${v} ${say(ys)}`)
    .join(', ');

export function blockLabFigures(m: BlockLabMeasurements): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const stream = byDepth(m, (a) => a.streamGradient);
  if (Object.keys(stream).length) {
    const rows = curves(
      stream,
      stream[VARIANTS[0]]?.map((_, i) => i),
    );
    specs.push({
      title: 'Gradient reaching the stream, at initialization',
      x: { label: 'block (0 = input)' },
      y: { label: '‖∂L/∂x_l‖', log: wideRange(rows, 20) },
      mark: 'line',
      rows,
      caption: `Input over top, ‖∂L/∂x₀‖/‖∂L/∂x_${m.atInit.layers}‖: ${each(stream, (ys) => fmt(ys[0]! / ys.at(-1)!))}.`,
    });
    const weights = byDepth(m, (a) => a.weightGradient);
    const wRows = curves(weights);
    specs.push({
      title: 'Weight gradient of each block, at initialization',
      x: { label: 'block' },
      y: { label: '‖∂L/∂θ‖', log: wideRange(wRows, 20) },
      mark: 'line',
      rows: wRows,
      caption: `First block over last: ${each(weights, (ys) => fmt(ys[0]! / ys.at(-1)!))}.`,
    });
    const norms = byDepth(m, (a) => a.streamNorm);
    const nRows = curves(
      norms,
      norms[VARIANTS[0]]?.map((_, i) => i),
    );
    specs.push({
      title: 'Mean token norm of the stream, at initialization',
      x: { label: 'block (0 = input)' },
      y: { label: '‖x‖', log: wideRange(nRows, 20) },
      mark: 'line',
      rows: nRows,
      caption: `After the last block over after the first: ${each(norms, (ys) => fmt(ys.at(-1)! / ys[1]!))}.`,
    });
    const ratios = byDepth(m, (a) => a.branchRatio);
    const rRows = curves(ratios);
    specs.push({
      title: 'Update over stream, ‖F(x)‖/‖x‖, at initialization',
      x: { label: 'sublayer (attention, feed-forward, …)' },
      y: { label: '‖F(x)‖/‖x‖', log: wideRange(rRows, 20) },
      mark: 'line',
      rows: rRows,
      caption: `First sublayer and last: ${each(ratios, (ys) => `${fmt(ys[0]!)} → ${fmt(ys.at(-1)!)}`)}.`,
    });
  }
  const runs = Object.entries(m.training.runs);
  if (runs.some(([, r]) => r && r.loss.length > 1)) {
    const t = m.training;
    const chart = lossChart(
      `Training loss, ${t.layers} layers, ${t.batchSize} sequences a step, Adam ${t.lr} with ${t.warmupSteps} warmup steps`,
      runs.flatMap(([v, r]) => thinCurve(v, r!.loss, 50)),
    );
    chart.rules = [{ value: t.targetLoss, label: `loss ${t.targetLoss}` }];
    chart.caption =
      `After ${t.steps} steps: ` +
      runs
        .map(([v, r]) => {
          const reached =
            r!.stepsToTarget === null
              ? `not below ${t.targetLoss} within ${r!.loss.length} steps`
              : `below ${t.targetLoss} at step ${r!.stepsToTarget}`;
          return `${v} ${r!.diverged ? 'diverged' : `loss ${fmt(r!.loss.at(-1)!)}`} (${reached})`;
        })
        .join('; ') +
      '. One seed, charted, not a claim. Your block runs as plain tf ops and the stock wrappers on the lab’s fused kernels, so even the same wrapper trains along a slightly different path (float rounding).';
    specs.push(chart);
  }
  return specs;
}
