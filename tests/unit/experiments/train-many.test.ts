// lab.trainManyToTarget: by default the jobs run one after another, give what each job gives alone (so a
// pool of workers, which runs the same job code, gives the same numbers), report progress per job and a
// `finished` event each and the batch's overall fraction, and stop on abort. The pool size rule is pure.
import { expect, test } from 'vitest';
import { createLab, runTargetJob, type BatchProgress, type TargetJob } from '~/lab/facade';
import { onceEachJob } from '~/lab/train-to-target';
import { poolSize } from '~/worker/train-pool';

const job = (seed: number, norm: 'pre' | 'none'): TargetJob => ({
  task: 'copy',
  model: { nLayers: 2, dModel: 16, nHeads: 2, norm, seed },
  config: { steps: 12, lr: 3e-3, seed, batchSize: 8 },
  targetLoss: 0.01, // not reached in 12 steps: every job runs its whole budget
});

test('jobs run in order and give what each gives alone, with progress and a finished event per job', async () => {
  const lab = await createLab({ backend: 'wasm' });
  const jobs = [job(1, 'pre'), job(2, 'none')];
  const events: BatchProgress[] = [];
  const results = await lab.trainManyToTarget(jobs, { onProgress: (p) => events.push(p) });
  const alone = [await runTargetJob(jobs[0]!), await runTargetJob(jobs[1]!)];
  expect(results).toEqual(alone);
  expect(results.map((r) => r.outcome)).toEqual(['not reached', 'not reached']);
  expect(results[0]!.loss).not.toEqual(results[1]!.loss);
  expect(events.filter((e) => e.finished).map((e) => e.job)).toEqual([0, 1]);
  expect(events.filter((e) => !e.finished && e.job === 1).length).toBeGreaterThan(0);
  expect(events.findIndex((e) => e.job === 1)).toBeGreaterThan(events.findIndex((e) => e.job === 0 && e.finished));
  // The batch's fraction: each job counts half; it never falls and ends at 1.
  const fractions = events.map((e) => e.fraction);
  expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
  expect(events.find((e) => e.job === 0 && e.finished)!.fraction).toBeCloseTo(0.5);
  expect(fractions.at(-1)).toBe(1);
});

test('an abort stops the jobs with the abort reason', async () => {
  const lab = await createLab({ backend: 'wasm' });
  const controller = new AbortController();
  const run = lab.trainManyToTarget([job(1, 'pre'), job(2, 'pre')], {
    signal: controller.signal,
    onProgress: (p) => p.step >= 3 && controller.abort(new Error('stop here')),
  });
  await expect(run).rejects.toThrow('stop here');
});

test('a job with evaluateEvery returns held-out checkpoints at every that many steps and at the last step', async () => {
  const lab = await createLab({ backend: 'wasm' });
  const spec: TargetJob = { ...job(1, 'pre'), targetLoss: 0, evaluateEvery: 5, evaluateBatch: 16 };
  const [result] = await lab.trainManyToTarget([spec]);
  expect(result!.outcome).toBe('not reached');
  expect(result!.checkpoints!.map((c) => c.step)).toEqual([5, 10, 12]);
  for (const c of result!.checkpoints!) {
    expect(c.teacherForced).toHaveLength(6);
    expect(c.freeRunning).toHaveLength(6);
  }
  expect(result!.loss).toEqual((await runTargetJob(job(1, 'pre'))).loss); // evaluating does not change the training
  expect((await runTargetJob(job(1, 'pre'))).checkpoints).toBeUndefined();
});

test('onceEachJob trains a job it has seen once and gives its result again, a copy, with the same progress events', async () => {
  const runJobs = onceEachJob();
  const lab = await createLab({ backend: 'wasm', runJobs });
  const first = await lab.trainManyToTarget([job(1, 'pre'), job(2, 'none')]);
  const events: BatchProgress[] = [];
  const again = await lab.trainManyToTarget([job(2, 'none'), job(3, 'pre')], { onProgress: (p) => events.push(p) });
  expect([runJobs.trained(), runJobs.reused()]).toEqual([3, 1]);
  expect(again[0]).toEqual(first[1]);
  expect(again[0]).not.toBe(first[1]);
  expect(again[1]).toEqual(await runTargetJob(job(3, 'pre')));
  expect(events.filter((e) => e.finished).map((e) => e.job)).toEqual([0, 1]);
  expect(events.at(-1)!.fraction).toBe(1);
});

test('pool size: one worker per core besides the experiment worker, four trainings at most, none on a single core', () => {
  expect([1, 2, 3, 4, 8].map(poolSize)).toEqual([0, 1, 2, 3, 3]);
});
