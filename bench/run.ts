// `npm run bench [-- --json] [--norm pre|post] [--steps N]`: the lab's training speed on the reference
// configuration (decoder-only, 6 layers, d 64, 4 heads, T 16, batch 32, Adam) on TF.js WASM in Node:
// median wall and CPU ms per step after warm-up (and TF.js's first steps after its 3rd, while V8 still compiles), TF.js kernels per step, model GFLOP/s (bench/flops.ts),
// a 256×256 matMul's GFLOP/s in the same run, their ratio, and the same model in PyTorch on one thread
// (bench/torch_step.py) when it imports. Figures are printed, never asserted (the machine is shared).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { initBackend, tf } from '~/lab/backend';
import { createModel, countParams } from '~/lab/model';
import { train, median } from '~/lab/train';
import type { Task } from '~/lab/tasks';
import type { NormPlacement } from '~/lab/config';
import { makeRng } from '~/lab/rng';
import { stepFlops, type FlopShape } from './flops';

const args = process.argv.slice(2).filter((a) => a !== '--');
const json = args.includes('--json');
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const norm = opt('--norm', 'pre') as NormPlacement;
if (norm !== 'pre' && norm !== 'post') {
  console.error(`--norm got "${norm}"; allowed: pre|post`);
  process.exit(2);
}
const steps = Number(opt('--steps', '20'));
if (!Number.isInteger(steps) || steps < 3 || steps > 500) {
  console.error(`--steps got "${opt('--steps', '')}"; allowed: an integer from 3 to 500`);
  process.exit(2);
}
/**
 * Steps before the timed ones, for both. In TF.js's first steps V8 still optimizes its code on background threads:
 * V8's worker threads took 23 ms of CPU a step over steps 1-3, 7-9 over steps 4-23, 4.5-5 over 24-63 and about 3
 * after (its garbage collector; /proc/self/task, two runs), so a short warm-up times the compiler too. The early
 * steps are reported on their own (EARLY).
 */
const WARMUP = 40;
/** TF.js's steps 4-23: what the first seconds of a run cost, compiler included (the figure before WARMUP was 40). */
const EARLY = [3, 23] as const;

// Reference shapes: 8 source symbols, SEP, 7 answer symbols → T = 16; vocabulary 8 + SEP + BOS = 10.
const SYMBOLS = 8;
const SRC = 8;
const ANSWER = 7;
const ref = { layers: 6, d: 64, heads: 4, batch: 32, T: SRC + 1 + ANSWER, vocab: SYMBOLS + 2 };
const benchTask: Task = {
  id: 'bench',
  description: 'random symbols (timing only)',
  vocabSize: ref.vocab,
  srcLen: SRC,
  tgtLen: ANSWER,
  sep: SYMBOLS,
  bos: SYMBOLS + 1,
  sample(rng, batchSize) {
    const row = (n: number) => Array.from({ length: n }, () => rng.int(SYMBOLS));
    return { src: Array.from({ length: batchSize }, () => row(SRC)), tgt: Array.from({ length: batchSize }, () => row(ANSWER)) };
  },
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timeTfjsStep() {
  const model = createModel({ vocabSize: ref.vocab, maxLen: ref.T, dModel: ref.d, nHeads: ref.heads, nLayers: ref.layers, norm, seed: 1 });
  try {
    const cpu: number[] = [];
    let last = cpuMs();
    const before = tf.memory().numTensors;
    const r = await train(
      model,
      benchTask,
      { steps: WARMUP + steps, batchSize: ref.batch, progressEvery: 1, seed: 1 },
      {
        onProgress: () => {
          const now = cpuMs();
          cpu.push(now - last);
          last = now;
        },
      },
    );
    if (r.status !== 'done') throw new Error(`training stopped: ${r.reason}`);
    const leaked = tf.memory().numTensors - before;
    // Kernels per step: the difference between 3 and 1 more steps, halved (leaves out train()'s set-up).
    const kernels = async (n: number) =>
      (
        await tf.profile(async () => {
          await train(model, benchTask, { steps: n, batchSize: ref.batch, seed: 2 });
          return [];
        })
      ).kernels.length;
    const kernelsPerStep = ((await kernels(3)) - (await kernels(1))) / 2;
    return {
      params: countParams(model),
      msPerStep: median(r.history.msPerStep.slice(WARMUP)),
      cpuMsPerStep: median(cpu.slice(WARMUP)),
      early: { msPerStep: median(r.history.msPerStep.slice(...EARLY)), cpuMsPerStep: median(cpu.slice(...EARLY)) },
      kernelsPerStep,
      leakedTensors: leaked,
    };
  } finally {
    model.dispose();
  }
}

function timeMatMul(n = 256, reps = 30): number {
  const r = makeRng(3);
  const a = tf.tensor2d(
    Float32Array.from({ length: n * n }, () => r.normal()),
    [n, n],
  );
  const b = tf.tensor2d(
    Float32Array.from({ length: n * n }, () => r.normal()),
    [n, n],
  );
  const once = () => {
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    c.dataSync();
    c.dispose();
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) once();
  const ms = median(Array.from({ length: reps }, once));
  tf.dispose([a, b]);
  return (2 * n ** 3) / (ms / 1000) / 1e9;
}

interface TorchResult {
  python: string;
  torch: string;
  threads: number;
  params: number;
  msPerStep: number;
  cpuMsPerStep: number;
  matMul256Gflops: number;
}

function timeTorch(): TorchResult | { skipped: string } {
  const script = fileURLToPath(new URL('./torch_step.py', import.meta.url));
  const cfg = JSON.stringify({
    layers: ref.layers,
    d: ref.d,
    heads: ref.heads,
    T: ref.T,
    batch: ref.batch,
    vocab: ref.vocab,
    answer: ANSWER,
    norm,
    warmup: WARMUP,
    steps,
  });
  const reasons: string[] = [];
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      const out = execFileSync(python, [script, cfg], {
        // One thread for OpenBLAS too, not only for torch's own intra-op pool.
        env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
      });
      return { python, ...(JSON.parse(out.trim().split('\n').at(-1)!) as Omit<TorchResult, 'python'>) };
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      reasons.push(`${python}: ${(e.stderr || e.message).trim().split('\n').at(-1)}`);
    }
  }
  return { skipped: `PyTorch did not import (${reasons.join('; ')})` };
}

async function main() {
  const info = await initBackend({ prefer: 'wasm' });
  if (info.backend !== 'wasm') console.error(`warning: running on ${info.backend}: ${info.fallbackReason}`);
  const shape: FlopShape = { layers: ref.layers, d: ref.d, ff: 4 * ref.d, T: ref.T, batch: ref.batch, vocab: ref.vocab };
  const flops = stepFlops(shape);
  const tfjs = await timeTfjsStep();
  const matMulGflops = timeMatMul();
  const torch = timeTorch();
  const modelGflops = flops / (tfjs.cpuMsPerStep / 1000) / 1e9;
  const result = {
    config: { arch: 'decoder', ...ref, ff: 4 * ref.d, norm, optimizer: 'Adam', steps, warmup: WARMUP },
    runtime: { node: process.versions.node, tfjs: info.tfjsVersion, backend: info.backend, threads: 1 },
    flopsPerStep: flops,
    tfjs: { ...tfjs, modelGflopsPerCpuSecond: modelGflops, matMul256Gflops: matMulGflops, modelShareOfMatMul: modelGflops / matMulGflops },
    torch:
      'skipped' in torch
        ? torch
        : {
            ...torch,
            modelGflopsPerCpuSecond: flops / (torch.cpuMsPerStep / 1000) / 1e9,
            ratioWall: tfjs.msPerStep / torch.msPerStep,
            ratioCpu: tfjs.cpuMsPerStep / torch.cpuMsPerStep,
          },
  };
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const f1 = (x: number) => x.toFixed(1);
  const rows: [string, string, string][] = [
    ['', 'TF.js WASM', 'PyTorch 1 thread'],
    ['ms per step (wall, median)', f1(tfjs.msPerStep), 'skipped' in torch ? '—' : f1(torch.msPerStep)],
    ['ms per step (CPU, median)', f1(tfjs.cpuMsPerStep), 'skipped' in torch ? '—' : f1(torch.cpuMsPerStep)],
    [`steps ${EARLY[0] + 1}-${EARLY[1]}: ms wall / CPU`, `${f1(tfjs.early.msPerStep)} / ${f1(tfjs.early.cpuMsPerStep)}`, ''],
    [
      'model GFLOP/s (per CPU s)',
      f1(modelGflops),
      'skipped' in torch ? '—' : f1(result.torch && 'modelGflopsPerCpuSecond' in result.torch ? result.torch.modelGflopsPerCpuSecond : NaN),
    ],
    ['256×256 matMul GFLOP/s', f1(matMulGflops), 'skipped' in torch ? '—' : f1(torch.matMul256Gflops)],
    ['kernels per step', String(tfjs.kernelsPerStep), ''],
    ['parameters', String(tfjs.params), 'skipped' in torch ? '—' : String(torch.params)],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(
    `Reference step: decoder-only, ${ref.layers} layers, d ${ref.d}, ${ref.heads} heads, T ${ref.T}, batch ${ref.batch}, ${norm === 'pre' ? 'Pre' : 'Post'}-LN, Adam; ${steps} steps after ${WARMUP} warm-up`,
  );
  console.log(
    `FLOPs per step (analytic, bench/flops.ts): ${(flops / 1e6).toFixed(0)} M; TF.js ${info.tfjsVersion} on ${info.backend}, Node ${process.versions.node}\n`,
  );
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  console.log(`\nTF.js model throughput / its own 256×256 matMul: ${(result.tfjs.modelShareOfMatMul * 100).toFixed(0)}%`);
  if ('skipped' in torch) console.log(`PyTorch row skipped: ${torch.skipped}`);
  else
    console.log(
      `TF.js / PyTorch step time: ${(tfjs.msPerStep / torch.msPerStep).toFixed(2)}× wall, ${(tfjs.cpuMsPerStep / torch.cpuMsPerStep).toFixed(2)}× CPU (goal ≤ 1.5×, #14)`,
    );
  if (tfjs.leakedTensors !== 0) console.log(`warning: ${tfjs.leakedTensors} tensors leaked by training`);
}

await main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
