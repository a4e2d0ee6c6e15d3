// `node scripts/vite-run.mjs bench/custom-block.ts [--steps N] [--rounds R] [--norm pre|post] [--json]`: the step time
// of E2's model (decoder-only, 6 layers, d 32, 4 heads, reverse task, batch 32, Adam) with the stock wrapper on the
// fused LayerNorm kernel against the same model with the matching preset block (src/lab/blocks/), plain tf ops
// differentiated by TF.js's autodiff. Rounds alternate stock and custom so both see the same machine load; medians
// of wall ms per step after warm-up. Issue 15's goal: custom ≤ 2× stock. Printed, never asserted (the machine is shared).
import { initBackend, tf } from '~/lab/backend';
import { createModel } from '~/lab/model';
import { makeTask, taskModelFields } from '~/lab/tasks';
import { train, median } from '~/lab/train';
import { presetBlock } from '~/lab/blocks';

const args = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const steps = Number(opt('--steps', '20'));
const rounds = Number(opt('--rounds', '2'));
const norm = opt('--norm', 'pre') as 'pre' | 'post';
if (norm !== 'pre' && norm !== 'post') {
  console.error(`--norm got "${norm}"; allowed: pre|post`);
  process.exit(2);
}
const WARMUP = 3;
const E2 = { nLayers: 6, dModel: 32, nHeads: 4 };
const BATCH = 32;

const info = await initBackend({ prefer: 'wasm' });
const task = makeTask('reverse');
const fields = taskModelFields(task);

async function time(custom: boolean): Promise<{ ms: number[]; kernels: number; leaked: number }> {
  const model = custom
    ? createModel({ ...fields, ...E2, seed: 1 }, { block: presetBlock(norm === 'pre' ? 'pre-ln' : 'post-ln') })
    : createModel({ ...fields, ...E2, norm, seed: 1 });
  try {
    const before = tf.memory().numTensors;
    const r = await train(model, task, { steps: WARMUP + steps, batchSize: BATCH, seed: 1 });
    if (r.status !== 'done') throw new Error(`training stopped: ${r.reason}`);
    const leaked = tf.memory().numTensors - before;
    const count = async (n: number) =>
      (
        await tf.profile(async () => {
          await train(model, task, { steps: n, batchSize: BATCH, seed: 2 });
          return [];
        })
      ).kernels.length;
    return { ms: r.history.msPerStep.slice(WARMUP), kernels: ((await count(3)) - (await count(1))) / 2, leaked };
  } finally {
    model.dispose();
  }
}

const stock: number[] = [];
const custom: number[] = [];
let kernels = { stock: 0, custom: 0 };
let leaked = 0;
for (let r = 0; r < rounds; r++) {
  const s = await time(false);
  const c = await time(true);
  stock.push(...s.ms);
  custom.push(...c.ms);
  kernels = { stock: s.kernels, custom: c.kernels };
  leaked += s.leaked + c.leaked;
}
const result = {
  model: { ...E2, batchSize: BATCH, task: 'reverse', norm: norm === 'pre' ? 'Pre-LN' : 'Post-LN' },
  runtime: { node: process.versions.node, tfjs: info.tfjsVersion, backend: info.backend },
  steps: stock.length,
  stockMsPerStep: median(stock),
  customMsPerStep: median(custom),
  ratio: median(custom) / median(stock),
  kernelsPerStep: kernels,
  leakedTensors: leaked,
};
if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `E2's model (${E2.nLayers} layers, d ${E2.dModel}, ${E2.nHeads} heads, batch ${BATCH}, reverse), ${result.model.norm}, TF.js ${info.tfjsVersion} on ${info.backend}, Node ${process.versions.node}; medians of ${stock.length} steps each (${rounds} alternating rounds, ${WARMUP} warm-up steps each)`,
  );
  console.log(`stock wrapper (fused LayerNorm kernel): ${result.stockMsPerStep.toFixed(1)} ms/step, ${kernels.stock} kernels/step`);
  console.log(`preset block (plain tf ops, autodiff):  ${result.customMsPerStep.toFixed(1)} ms/step, ${kernels.custom} kernels/step`);
  console.log(`custom / stock: ${result.ratio.toFixed(2)}× (issue 15's goal ≤ 2×)`);
  if (leaked) console.log(`warning: ${leaked} tensors leaked by training`);
}
