// `node scripts/vite-run.mjs bench/profile.ts [pre|post]`: where a reference training step's time goes on TF.js WASM, by
// kernel name and input shapes (tf.profile; a profiling run is slower than a plain one, so compare shares).
import { initBackend, tf } from '~/lab/backend';
import { createModel } from '~/lab/model';
import { train } from '~/lab/train';
import type { Task } from '~/lab/tasks';
import type { NormPlacement } from '~/lab/config';

const norm = (process.argv[2] ?? 'pre') as NormPlacement;
const task: Task = {
  id: 'bench',
  description: 'random symbols',
  vocabSize: 10,
  srcLen: 8,
  tgtLen: 7,
  sep: 8,
  bos: 9,
  sample(rng, n) {
    const row = (k: number) => Array.from({ length: k }, () => rng.int(8));
    return { src: Array.from({ length: n }, () => row(8)), tgt: Array.from({ length: n }, () => row(7)) };
  },
};

await initBackend({ prefer: 'wasm' });
const model = createModel({ vocabSize: 10, maxLen: 16, dModel: 64, nHeads: 4, nLayers: 6, norm, seed: 1 });
await train(model, task, { steps: 3, batchSize: 32 });
const STEPS = 3;
const prof = await tf.profile(async () => {
  await train(model, task, { steps: STEPS, batchSize: 32, seed: 2 });
  return [];
});
const byKey = new Map<string, { n: number; ms: number }>();
const byName = new Map<string, { n: number; ms: number }>();
let total = 0;
for (const k of prof.kernels) {
  const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
  total += ms;
  const key = `${k.name} ${k.inputShapes.map((s) => `[${s}]`).join(' ')}`;
  for (const [map, id] of [
    [byKey, key],
    [byName, k.name],
  ] as const) {
    const e = map.get(id) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    map.set(id, e);
  }
}
const show = (m: Map<string, { n: number; ms: number }>, top: number) =>
  [...m]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, top)
    .forEach(([k, v]) => console.log(`${(v.ms / STEPS).toFixed(2).padStart(7)} ms ${(v.n / STEPS).toFixed(0).padStart(5)}×  ${k}`));
console.log(`kernels per step ${(prof.kernels.length / STEPS).toFixed(0)}, kernel ms per step ${(total / STEPS).toFixed(1)}\n-- by kernel`);
show(byName, 25);
console.log('-- by kernel and shapes');
show(byKey, 30);
model.dispose();
