import { createLab } from '~/lab/facade';
const lab = await createLab();
const base = lab.task(process.env.TASK as any ?? 'reverse');
const size = Number(process.env.SIZE ?? 64), steps = Number(process.env.STEPS ?? 300), layers = Number(process.env.L ?? 4), d = Number(process.env.D ?? 32);
const rate = Number(process.env.RATE ?? 0.2);
for (const seed of (process.env.SEEDS ?? "1,2,3").split(",").map(Number)) {
  const { task, examples } = lab.trainingSet(base, { size, seed });
  const held = lab.batch(base, { seed: 10000 + seed, batchSize: 256 });
  const row: string[] = [];
  for (const [name, cfg] of [['none', { dropout: 0 }], ['branch', { dropout: rate }], ['stream', { dropout: rate, dropoutOn: 'stream' }]] as const) {
    const m = lab.model(task, { nLayers: layers, dModel: d, seed, norm: (process.env.NORM as any) ?? 'pre' });
    const t0 = performance.now();
    const r = await lab.train(m, task, { steps, lr: Number(process.env.LR ?? 3e-3), batchSize: 32, seed, ...cfg });
    const tr = lab.loss(m, task, examples), ho = lab.loss(m, base, held);
    const acc = lab.accuracy(m, base, { seed: 10000 + seed, batchSize: 256 });
    row.push(`${name}: train ${tr.toFixed(3)} held ${ho.toFixed(3)} gap ${(ho - tr).toFixed(3)} acc ${acc.toFixed(3)} (${r.status}, ${((performance.now() - t0) / 1000).toFixed(1)}s)`);
    m.dispose();
  }
  console.log(`seed ${seed}\n  ` + row.join('\n  '));
}
