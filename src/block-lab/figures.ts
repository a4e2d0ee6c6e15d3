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

/** One instrument at initialization, a curve per variant by depth; x from 0 when index 0 is the stack's input. */
interface DepthChart {
  title: string;
  pick: (a: AtInit) => number[];
  x: string;
  fromInput: boolean;
  y: string;
  /** The per-variant figure the caption names, in words and numbers. */
  caption: [words: string, say: (ys: number[]) => string];
}

function depthChart(m: BlockLabMeasurements, c: DepthChart): ChartSpec {
  const values = byDepth(m, c.pick);
  const rows = curves(values, c.fromInput ? values[VARIANTS[0]]?.map((_, i) => i) : undefined);
  return {
    title: `${c.title}, at initialization`,
    x: { label: c.x },
    y: { label: c.y, log: wideRange(rows, 20) },
    mark: 'line',
    rows,
    caption: `${c.caption[0]}: ${each(values, c.caption[1])}.`,
  };
}

export function blockLabFigures(m: BlockLabMeasurements): ChartSpec[] {
  const specs: ChartSpec[] = [];
  if (m.atInit.variants[VARIANTS[0]]) {
    const L = m.atInit.layers;
    const first = (ys: number[]) => fmt(ys[0]! / ys.at(-1)!);
    specs.push(
      depthChart(m, {
        title: 'Gradient reaching the stream',
        pick: (a) => a.streamGradient,
        x: 'block (0 = input)',
        fromInput: true,
        y: '‖∂L/∂x_l‖',
        caption: [`Input over top, ‖∂L/∂x₀‖/‖∂L/∂x_${L}‖`, first],
      }),
      depthChart(m, {
        title: 'Weight gradient of each block',
        pick: (a) => a.weightGradient,
        x: 'block',
        fromInput: false,
        y: '‖∂L/∂θ‖',
        caption: ['First block over last', first],
      }),
      depthChart(m, {
        title: 'Mean token norm of the stream',
        pick: (a) => a.streamNorm,
        x: 'block (0 = input)',
        fromInput: true,
        y: '‖x‖',
        caption: ['After the last block over after the first', (ys) => fmt(ys.at(-1)! / ys[1]!)],
      }),
      depthChart(m, {
        title: 'Update over stream, ‖F(x)‖/‖x‖',
        pick: (a) => a.branchRatio,
        x: 'sublayer (attention, feed-forward, …)',
        fromInput: false,
        y: '‖F(x)‖/‖x‖',
        caption: ['First sublayer and last', (ys) => `${fmt(ys[0]!)} → ${fmt(ys.at(-1)!)}`],
      }),
    );
  }
  const runs = Object.entries(m.training.runs);
  if (runs.some(([, r]) => r && r.loss.length > 1)) {
    const t = m.training;
    const chart = lossChart(
      `Training loss, ${t.layers} layers, ${t.batchSize} sequences a step, Adam ${t.lr}${t.warmupSteps ? ` with ${t.warmupSteps} warmup steps` : ''}`,
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
