// The "translate it yourself" decoding (src/lab/translate.ts) and its worker-side translator (src/worker/translator.ts):
// shapes, attention rows that are distributions, teacher-forced and free-running inputs that part only after a wrong
// token, the words' names derived from the task's table, E15's own core as the trainer, and no tensor leak.
import { beforeAll, expect, test } from 'vitest';
import { initBackend, tf } from '~/lab/backend';
import { createModel } from '~/lab/model';
import { taskModelFields, translationTask } from '~/lab/tasks';
import { decodeGreedy, DECODE_MODES, lastCrossAttention, type DecodedToken } from '~/lab/translate';
import {
  correctTranslation,
  isSourceSentence,
  isTargetWord,
  language,
  randomSentence,
  SOURCE_SLOTS,
  wordName,
} from '~/lab/translation-words';
import { makeRng } from '~/lab/rng';
import { Translator, translatorParams, TRANSLATOR_DEFAULT_SEED } from '~/worker/translator';
import { experiment } from '~/experiments/e15-cross-attention/experiment';
import { defaultParams } from '~/lab/experiment/schema';
import stored from '~/experiments/e15-cross-attention/stored-run.json';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

const task = translationTask();
const untrained = () =>
  createModel({
    ...taskModelFields(task, 'encdec'),
    arch: 'encdec',
    nLayers: 2,
    nEncLayers: 2,
    dModel: 16,
    nHeads: 2,
    norm: 'post',
    seed: 5,
  });

/** Checks one decoding: five tokens per mode, rows over the five source words summing to 1, inputs as each mode feeds them. */
function checkDecoding(out: Record<string, DecodedToken[]>, source: number[], layers: number) {
  const correct = correctTranslation(source);
  for (const mode of DECODE_MODES) {
    const tokens = out[mode]!;
    expect(tokens.map((t) => t.position)).toEqual([0, 1, 2, 3, 4]);
    for (const t of tokens) {
      expect(t.layer).toBe(`dec.${layers - 1}.cross`);
      expect(t.attention).toHaveLength(5);
      expect(t.attention.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(t.attention.every((w) => w >= 0)).toBe(true);
      expect(t.probability).toBeGreaterThan(0);
      expect(t.probability).toBeLessThanOrEqual(1);
      expect(t.correctProbability).toBeLessThanOrEqual(t.probability + 1e-7);
      expect(t.correct).toBe(correct[t.position]);
    }
    expect(tokens[0]!.input).toBe(task.bos);
  }
  const tf_ = out['teacher-forced']!;
  const fr = out['free-running']!;
  // Teacher forcing feeds the correct previous word, free running the model's own previous output.
  for (let t = 1; t < 5; t++) {
    expect(tf_[t]!.input).toBe(correct[t - 1]);
    expect(fr[t]!.input).toBe(fr[t - 1]!.word);
  }
  // The two modes' inputs agree up to the first wrong word; so does everything computed from them.
  const firstWrong = fr.findIndex((t) => t.word !== t.correct);
  const agreeUpTo = firstWrong === -1 ? 5 : firstWrong + 1;
  for (let t = 0; t < agreeUpTo; t++) {
    expect(fr[t]!.input).toBe(tf_[t]!.input);
    expect(fr[t]!.word).toBe(tf_[t]!.word);
    expect(fr[t]!.attention).toEqual(tf_[t]!.attention);
  }
  if (firstWrong !== -1 && firstWrong < 4) expect(fr[firstWrong + 1]!.input).not.toBe(tf_[firstWrong + 1]!.input);
}

test('the words: every id of the task named once, target names from the task’s table, sentences of the right classes', () => {
  const names = Array.from({ length: 2 * language.n }, (_, id) => wordName(id));
  expect(new Set(names).size).toBe(2 * language.n);
  expect(SOURCE_SLOTS.map((s) => s.wordClass)).toEqual(['adjective', 'noun', 'verb', 'adjective', 'noun']);
  const rng = makeRng(3);
  for (let i = 0; i < 20; i++) {
    const s = randomSentence(() => rng.next());
    expect(isSourceSentence(s)).toBe(true);
    // The task's own data: the correct translation is the target the task samples for that source.
    expect(correctTranslation(s).every(isTargetWord)).toBe(true);
  }
  const sample = task.sample(makeRng(9), 50);
  sample.src.forEach((s, b) => expect(correctTranslation(s)).toEqual(sample.tgt[b]));
  expect(isSourceSentence([0, 0, 0, 0, 0])).toBe(false);
});

test('an untrained model: both modes decode five tokens with attention rows over the source; no tensor leak', () => {
  const model = untrained();
  const base = tf.memory().numTensors;
  const rng = makeRng(11);
  let sawDifference = false;
  for (let i = 0; i < 6; i++) {
    const source = randomSentence(() => rng.next());
    const streamed: DecodedToken[] = [];
    const out = decodeGreedy(model, task, source, correctTranslation(source), (t) => streamed.push(t));
    // Streamed in order, position by position, teacher-forced then free-running.
    expect(streamed.map((t) => `${t.position}${t.mode[0]}`).join(' ')).toBe('0t 0f 1t 1f 2t 2f 3t 3f 4t 4f');
    checkDecoding(out, source, 2);
    sawDifference ||= out['free-running']!.some((t, k) => k > 0 && t.input !== out['teacher-forced']![k]!.input);
  }
  // An untrained model gets words wrong, so free running is fed something else somewhere.
  expect(sawDifference).toBe(true);
  expect(tf.memory().numTensors).toBe(base);
  expect(lastCrossAttention(model)).toBe('dec.1.cross');
  model.dispose();
  expect(() =>
    decodeGreedy(createModel({ ...taskModelFields(task), nLayers: 1, seed: 1 }), task, [6, 0, 9, 6, 0], [0, 0, 0, 0, 0]),
  ).toThrow(/encoder–decoder/);
});

test('the translator trains through E15’s own core at its defaults, keeps the model, translates, and leaks nothing', async () => {
  expect(translatorParams()).toEqual(defaultParams(experiment.params));
  expect(TRANSLATOR_DEFAULT_SEED).toBe(experiment.defaultSeed);
  const base = tf.memory().numTensors;
  const tr = new Translator();
  const t0 = performance.now();
  const summary = await tr.train({ seed: TRANSLATOR_DEFAULT_SEED, backend: 'wasm' });
  const ms = performance.now() - t0;
  console.log(`translator: E15's default training (${summary.params.steps} steps) in ${(ms / 1000).toFixed(2)} s in Node (WASM)`);
  expect(summary.status).toBe('done');
  // The reader's translator is E15's default run: the same losses as E15's stored run, step for step (its tolerance).
  const { rtol, atol } = experiment.tolerance;
  expect(summary.loss).toHaveLength(stored.measurements.loss.length);
  summary.loss.forEach((l, i) =>
    expect(Math.abs(l - stored.measurements.loss[i]!)).toBeLessThanOrEqual(atol + rtol * Math.abs(stored.measurements.loss[i]!)),
  );
  expect(summary.accuracy).toBe(stored.measurements.accuracy);
  const steps = 30;
  expect(tr.trained).toBe(true);
  const kept = tf.memory().numTensors;
  expect(kept).toBeGreaterThan(base);
  const source = [language.adjectives[0]!, language.nouns[1]!, language.verbs[2]!, language.adjectives[1]!, language.nouns[3]!];
  checkDecoding(tr.translate(source), source, defaultParams(experiment.params).layers as number);
  expect(tf.memory().numTensors).toBe(kept);
  expect(() => tr.translate([0, 0, 0, 0, 0])).toThrow(/not a sentence/);
  // A new training disposes the old model first; a cancelled one keeps nothing.
  const ac = new AbortController();
  await expect(tr.train({ seed: 2, steps, signal: ac.signal, onProgress: (p) => p.fraction > 0.2 && ac.abort() })).rejects.toThrow();
  expect(tr.trained).toBe(false);
  expect(tf.memory().numTensors).toBe(base);
  const short = await tr.train({ seed: 3, steps: 10 });
  expect(short.params.steps).toBe(10);
  expect(short.loss).toHaveLength(10);
  tr.dispose();
  expect(tf.memory().numTensors).toBe(base);
  expect(() => tr.translate(source)).toThrow(/train the translator first/);
});
