// Dedicated figures per experiment, reading the measurement shapes the experiments return (see the
// *Measurements types next to each experiment in src/lab/experiments/). Long curves are thinned to at most
// 40 points so the build-time SVG and its data table stay small.
import type { ChartSpec, ChartRow } from './spec';

type Curves = Record<string, number[]>;
type Maybe = number | null;

export type FigureMaker = (measurements: never, params: Record<string, unknown>) => ChartSpec[];

/** Series → values against shared x values (1-based index when xs is not given). */
function curves(data: Record<string, Maybe[]>, xs?: (number | string)[]): ChartRow[] {
  return Object.entries(data).flatMap(([series, ys]) => ys.map((y, i) => ({ series, x: xs?.[i] ?? i + 1, y: y ?? NaN })));
}

/** A training curve as (step, value) rows, at most `max` evenly spaced points plus the last. */
function thinCurve(series: string, ys: Maybe[], max = 40): ChartRow[] {
  const every = Math.max(1, Math.ceil(ys.length / max));
  const rows: ChartRow[] = [];
  ys.forEach((y, i) => {
    if (i % every === 0 || i === ys.length - 1) rows.push({ series, x: i + 1, y: y ?? NaN });
  });
  return rows;
}

/** Log scale when the positive values span more than `ratio` (three orders of magnitude by default). */
function wideRange(rows: ChartRow[], ratio = 1e3): boolean {
  const v = rows.map((r) => Math.abs(r.y)).filter((y) => Number.isFinite(y) && y > 0);
  return v.length > 1 && Math.max(...v) / Math.min(...v) > ratio;
}

function lossChart(title: string, rows: ChartRow[]): ChartSpec {
  // A loss that starts far above the rest (an unnormalized stack) would flatten every other curve.
  return { title, x: { label: 'training step' }, y: { label: 'training loss (nats)', log: wideRange(rows, 20) }, mark: 'line', rows };
}

function bars(title: string, yLabel: string, values: [string, Maybe][], group = ''): ChartSpec {
  return { title, x: { label: group || 'variant' }, y: { label: yLabel }, mark: 'bar', rows: values.map(([series, y]) => ({ series, x: group || series, y: y ?? NaN })) };
}

const warm = (w: number) => (w > 0 ? `, warmup ${w}` : '');

export const dedicatedFigures: Record<string, FigureMaker> = {
  e1: (m: { perLayer: Curves; depths: number[]; lastLayer: Curves }) => [
    { title: 'Gradient norm of each block at initialization', x: { label: 'block (1 = nearest the input)' }, y: { label: 'gradient norm', log: true }, mark: 'line', rows: curves(m.perLayer) },
    { title: "Last block's gradient norm against depth", x: { label: 'layers in the stack' }, y: { label: 'gradient norm of the last block' }, mark: 'line', rows: curves(m.lastLayer, m.depths) },
  ],

  e2: (m: { steps: number; runs: { variant: string; lr: number; warmupSteps: number; stepsToTarget: Maybe; loss: Maybe[] }[]; opsPerStep: Record<string, number> }) => {
    const name = (r: (typeof m.runs)[number]) => `${r.variant}, lr ${r.lr}${warm(r.warmupSteps)}`;
    return [
      lossChart('Training loss of each variant', m.runs.flatMap((r) => thinCurve(name(r), r.loss))),
      bars(`Steps to reach the target loss (missing bar: not reached within ${m.steps} steps)`, 'steps to target', m.runs.map((r) => [name(r), r.stepsToTarget])),
      bars('TF.js operations in one training step', 'operations per step', Object.entries(m.opsPerStep)),
    ];
  },

  e3: (m: { relResidual: Record<string, Record<string, number[]>> }) => {
    const rows = Object.entries(m.relResidual).flatMap(([skip, stacks]) =>
      Object.entries(stacks).flatMap(([stack, ys]) => ys.map((y, i) => ({ series: `${stack}, ${skip}`, x: i, y }))),
    );
    return [{ title: 'Relative residual ‖X − 1·meanᵀ‖/‖X‖ after each block', x: { label: 'block (0 = input)' }, y: { label: 'relative residual', log: true }, mark: 'line', rows }];
  },

  e4: (m: { steps: number; results: { connection: string; parameters: number; stepsToTarget: Maybe; loss: Maybe[] }[] }) => [
    lossChart('Training loss by merge', m.results.flatMap((r) => thinCurve(r.connection, r.loss))),
    bars('Parameters by merge', 'parameters', m.results.map((r) => [r.connection, r.parameters])),
    bars(`Steps to reach the target loss (missing bar: not reached within ${m.steps} steps)`, 'steps to target', m.results.map((r) => [r.connection, r.stepsToTarget])),
  ],

  e5: (m: { chance: number; accuracy: Record<string, { intact: number; lesioned: number[] }> }) => {
    const rows = Object.entries(m.accuracy).flatMap(([variant, a]) => [
      ...a.lesioned.map((y, i) => ({ series: `${variant}, block deleted`, x: i + 1, y })),
      ...a.lesioned.map((_, i) => ({ series: `${variant}, intact`, x: i + 1, y: a.intact })),
    ]);
    const n = Math.max(...Object.values(m.accuracy).map((a) => a.lesioned.length));
    rows.push(...Array.from({ length: n }, (_, i) => ({ series: 'chance', x: i + 1, y: m.chance })));
    return [{ title: 'Accuracy after deleting one block', x: { label: 'deleted block' }, y: { label: 'accuracy (teacher-forced)' }, mark: 'line', rows }];
  },

  e6: (m: { results: Record<string, { loss: Maybe[]; checkpoints: { step: number; teacherForced: number[]; freeRunning: number[] }[] }> }) => {
    const last = Object.entries(m.results).flatMap(([mode, r]) => {
      const c = r.checkpoints.at(-1);
      if (!c) return [];
      return [
        ...c.teacherForced.map((y, i) => ({ series: `${mode}, fed true tokens`, x: i + 1, y })),
        ...c.freeRunning.map((y, i) => ({ series: `${mode}, fed own outputs`, x: i + 1, y })),
      ];
    });
    return [
      { title: 'Accuracy by answer position at the end of training', x: { label: 'answer position' }, y: { label: 'accuracy' }, mark: 'line', rows: last },
      lossChart('Training loss by training mode', Object.entries(m.results).flatMap(([mode, r]) => thinCurve(mode, r.loss))),
    ];
  },

  e7: (m: { entropyFloor: number; results: Record<string, { trainLoss: Maybe[]; lossByPosition: number[]; generated: number; teacherForced: number }> }) => {
    const byPos = Object.entries(m.results).flatMap(([v, r]) => r.lossByPosition.map((y, i) => ({ series: v, x: i + 1, y })));
    const n = Math.max(...Object.values(m.results).map((r) => r.lossByPosition.length));
    byPos.push(...Array.from({ length: n }, (_, i) => ({ series: 'entropy floor ln V', x: i + 1, y: m.entropyFloor })));
    return [
      { title: 'Held-out loss at each position after training', x: { label: 'position in the sequence' }, y: { label: 'loss (nats)' }, mark: 'line', rows: byPos },
      bars('Accuracy: fed the true tokens vs generating', 'accuracy', Object.entries(m.results).flatMap(([v, r]) => [[`${v}, teacher-forced`, r.teacherForced], [`${v}, generated`, r.generated]] as [string, number][])),
    ];
  },

  e8: (m: { streamNorm: Curves }) => {
    const rows = Object.entries(m.streamNorm).flatMap(([v, ys]) => ys.map((y, i) => ({ series: v, x: i, y })));
    return [{ title: 'Mean token norm of the residual stream', x: { label: 'block (0 = input)' }, y: { label: '‖x‖', log: wideRange(rows) }, mark: 'line', rows }];
  },

  e9: (m: { relativeChange: Record<string, Record<string, number>>; accuracy: Record<string, number> }) => {
    const rows = Object.entries(m.relativeChange).flatMap(([block, ws]) => Object.entries(ws).map(([w, y]) => ({ series: w, x: block, y })));
    return [
      bars('Accuracy with attention trained vs frozen at initialization', 'accuracy (teacher-forced)', Object.entries(m.accuracy)),
      { title: 'Relative change of the attention weights in training', x: { label: 'block', band: true }, y: { label: '‖W − W₀‖/‖W₀‖' }, mark: 'bar', rows },
    ];
  },

  e10: (m: { checkpoints: number[]; branchRatio: Curves; loss: Maybe[] }) => {
    const rows = curves(m.branchRatio, m.checkpoints);
    return [
      { title: 'Update against stream ‖F(x)‖/‖x‖ for each sublayer', x: { label: 'training step' }, y: { label: '‖F(x)‖/‖x‖', log: wideRange(rows) }, mark: 'line', rows },
      lossChart('Training loss', thinCurve('loss', m.loss)),
    ];
  },
};
