// A Vite plugin for the site's bundles (page and workers): TF.js walks a tidy's result (walkTensorContainer, at the
// end of every tf.tidy and gradient) and the gradient tape (tape.js) with `for (k in x) … x[k]` over objects of many
// shapes. V8's Maglev compiler in Chromium deoptimizes those loops at every gradient ("wrong map") and compiles them
// again, about 100 times in one E21 run: a background thread's work, taken from the training workers on two cores.
// `for (k of Object.keys(x))` visits the same keys (own enumerable ones: these are arrays and plain objects) in a
// loop that V8 compiles once. Node loads TF.js's own CommonJS build and is not changed.
import type { Plugin } from 'vite';

/** TF.js files and how many `for (const k in x) {` loops each must have: another count means another TF.js. */
const FILES: [RegExp, number][] = [
  [/@tensorflow[\\/]tfjs-core[\\/]dist[\\/]tensor_util\.js$/, 1],
  [/@tensorflow[\\/]tfjs-core[\\/]dist[\\/]tape\.js$/, 4],
];
const FOR_IN = /for \(const (\w+) in ([\w.]+)\) \{/g;

export function tfjsKeyLoops(): Plugin {
  return {
    name: 'tfjs-key-loops',
    transform(code, id) {
      const expected = FILES.find(([file]) => file.test(id))?.[1];
      if (expected === undefined) return null;
      const found = code.match(FOR_IN)?.length ?? 0;
      if (found !== expected)
        throw new Error(`${id}: ${found} for-in loops where src/build/integrations/tfjs-key-loops.ts expects ${expected} (a new TF.js?)`);
      return { code: code.replace(FOR_IN, 'for (const $1 of Object.keys($2)) {'), map: null };
    },
  };
}
