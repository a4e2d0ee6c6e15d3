// Tasks are seeded and lay out as documented.
import { expect, test } from 'vitest';
import { reverseTask, runningSumTask, translationTask, encodeBatch, trainingSet } from '~/lab/tasks';
import { makeRng } from '~/lab/rng';

test('same seed, same data; different seed, different data', () => {
  const t = reverseTask();
  expect(t.sample(makeRng(3), 8)).toEqual(t.sample(makeRng(3), 8));
  expect(t.sample(makeRng(3), 8)).not.toEqual(t.sample(makeRng(4), 8));
});

test('answers: reverse, running sum mod k, SVO → SOV', () => {
  const r = reverseTask().sample(makeRng(1), 5);
  r.src.forEach((s, i) => expect(r.tgt[i]).toEqual(s.slice().reverse()));
  const s = runningSumTask(5, 6).sample(makeRng(1), 5);
  s.src.forEach((a, i) => a.forEach((_, j) => expect(s.tgt[i]![j]).toBe(a.slice(0, j + 1).reduce((x, y) => x + y, 0) % 5)));
  const tt = translationTask();
  const x = tt.sample(makeRng(1), 50);
  // The verb (source position 2) lands last; the mapping is a function of the word.
  const map = new Map<number, number>();
  x.src.forEach((src, i) => {
    const order = [0, 1, 3, 4, 2];
    order.forEach((p, j) => {
      const prev = map.get(src[p]!);
      if (prev !== undefined) expect(x.tgt[i]![j]).toBe(prev);
      map.set(src[p]!, x.tgt[i]![j]!);
    });
  });
  expect(new Set(map.values()).size).toBe(map.size); // one-to-one
});

test('decoder-only layout: BOS + (src SEP tgt) shifted right, loss on the answer', () => {
  const t = reverseTask(8, 3);
  const raw = { src: [[1, 2, 3]], tgt: [[3, 2, 1]] };
  const b = encodeBatch(t, { arch: 'decoder', shiftRight: true }, raw);
  expect([...b.target]).toEqual([1, 2, 3, 8, 3, 2, 1]);
  expect([...b.decIn]).toEqual([9, 1, 2, 3, 8, 3, 2]);
  expect([...b.mask]).toEqual([0, 0, 0, 0, 1, 1, 1]);
  expect(b.freeFrom).toBe(5);
  const u = encodeBatch(t, { arch: 'decoder', shiftRight: false }, raw);
  expect([...u.decIn]).toEqual([...u.target]);
});

test('a training set samples only its own sequences, the same ones for the same seed', () => {
  const base = reverseTask(8, 6);
  const { task, examples } = trainingSet(base, 16, 4);
  expect(trainingSet(base, 16, 4).examples).toEqual(examples);
  const seen = new Set(examples.src.map((s) => s.join()));
  const drawn = task.sample(makeRng(1), 200);
  drawn.src.forEach((s, i) => {
    expect(seen.has(s.join())).toBe(true);
    expect(drawn.tgt[i]).toEqual(s.slice().reverse());
  });
  expect(new Set(drawn.src.map((s) => s.join())).size).toBe(seen.size); // 200 draws reach all 16
  expect(() => trainingSet(base, 0, 1)).toThrow(/size must be an integer ≥ 1/);
});

// The input-and-output-embedding page says the word the decoder was just given is not the next target word:
// a property of the task's form (adjective, noun, adjective, noun, verb), checked here on many sentences.
test('translation: no target word equals the one before it (the token the decoder is given)', () => {
  const t = translationTask();
  const { tgt } = t.sample(makeRng(7), 2000);
  for (const words of tgt) for (let i = 1; i < words.length; i++) expect(words[i]).not.toBe(words[i - 1]);
});
