// ---- a small decoder-only Transformer around the block, and the measurements (the same in every export) ----

/** Stop with a message: exit code 1 in Node, an exception (shown in the console) in a page. */
function fail(message) {
  console.error(`error: ${message}`);
  if (globalThis.process?.exit) process.exit(1);
  throw new Error(message);
}

if (typeof block !== 'function') fail('the module must export function block(tf, x, F, p, ctx)');
// The block's optional exports (typeof is safe on a name the module does not declare).
const yours = {
  params: typeof params === 'function' ? params : () => ({}),
  finalParams: typeof finalParams === 'function' ? finalParams : () => ({}),
  finalNorm: typeof finalNorm === 'function' ? finalNorm : undefined,
  branchInitGain: typeof branchInitGain === 'function' ? branchInitGain : () => 1,
};

// Seeded generators of uniform numbers in [0, 1) (linear congruential): every run starts from the same weights and data.
const seededRandom = (s) => () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const initRandom = seededRandom(CONFIG.seed);
const dataRandom = seededRandom(CONFIG.seed + 7919);

/** A trainable tensor: 'zeros', 'ones', a number, or 'glorot' (uniform in ±gain·√(6 / (fan in + fan out)), 2-D only). */
function makeVariable(shape, init, gain = 1, name = 'a parameter') {
  if (!Array.isArray(shape)) fail(`${name} needs a shape, e.g. { shape: [d], init: 'ones' }`);
  if (init === 'glorot') {
    if (shape.length !== 2) fail(`${name}: init 'glorot' needs a 2-D shape, got [${shape}]`);
    if (!(gain > 0 && gain < Infinity)) fail(`branchInitGain() must return a positive number, got ${gain}`);
    const limit = gain * Math.sqrt(6 / (shape[0] + shape[1]));
    const values = Array.from({ length: shape[0] * shape[1] }, () => (2 * initRandom() - 1) * limit);
    return tf.variable(tf.tensor(values, shape));
  }
  const value = init === 'zeros' ? 0 : init === 'ones' ? 1 : init;
  if (!Number.isFinite(value)) fail(`${name}: init must be 'zeros', 'ones', 'glorot' or a finite number, got ${init}`);
  return tf.variable(tf.fill(shape, value));
}

/** The block's parameters at one site, from the { name: { shape, init } } that params(ctx) or finalParams(ctx) returns. */
function blockVariables(specsOf, ctx) {
  return Object.fromEntries(
    Object.entries(specsOf(ctx)).map(([name, s]) => [name, makeVariable(s?.shape, s?.init, 1, `parameter '${name}'`)]),
  );
}

/** One layer's weights. DeepNet's β (branchInitGain) scales the init of the weights that produce each sublayer's output. */
function makeLayer(layer) {
  const { d, nLayers } = CONFIG;
  const ctx = (sublayer) => ({ d, nLayers, layer, sublayer });
  const [betaSelf, betaFfn] = [ctx('self'), ctx('ffn')].map((c) => yours.branchInitGain(c));
  return {
    wq: makeVariable([d, d], 'glorot'),
    wk: makeVariable([d, d], 'glorot'),
    wv: makeVariable([d, d], 'glorot', betaSelf),
    wo: makeVariable([d, d], 'glorot', betaSelf),
    w1: makeVariable([d, 4 * d], 'glorot', betaFfn),
    b1: makeVariable([4 * d], 'zeros'),
    w2: makeVariable([4 * d, d], 'glorot', betaFfn),
    b2: makeVariable([d], 'zeros'),
    self: blockVariables(yours.params, ctx('self')),
    ffn: blockVariables(yours.params, ctx('ffn')),
  };
}

await tf.ready();
const T = 2 * CONFIG.len; // tokens the model reads per sequence: the sequence, the separator, the reversal but its last token
const model = {
  embed: makeVariable([CONFIG.vocab, CONFIG.d], 'glorot'),
  pos: makeVariable([T, CONFIG.d], 'glorot'),
  layers: Array.from({ length: CONFIG.nLayers }, (_, layer) => makeLayer(layer)),
  final: blockVariables(yours.finalParams, { d: CONFIG.d, nLayers: CONFIG.nLayers, layer: -1, sublayer: 'final' }),
  wOut: makeVariable([CONFIG.d, CONFIG.vocab], 'glorot'),
  bOut: makeVariable([CONFIG.vocab], 'zeros'),
};
// −1e9 above the diagonal: a token attends to itself and the tokens before it, never to later ones.
const causalMask = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9);

/** Single-head causal self-attention on the stream [batch·T, d]. */
function selfAttention(h, w) {
  const perSequence = (m) => tf.reshape(tf.matMul(h, m), [-1, T, CONFIG.d]);
  const scores = tf.div(tf.matMul(perSequence(w.wq), perSequence(w.wk), false, true), Math.sqrt(CONFIG.d));
  const attention = tf.softmax(tf.add(scores, causalMask));
  return tf.matMul(tf.reshape(tf.matMul(attention, perSequence(w.wv)), [-1, CONFIG.d]), w.wo);
}

/** The position-wise feed-forward: ReLU(h·W1 + b1)·W2 + b2. */
function feedForward(h, w) {
  return tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(h, w.w1), w.b1)), w.w2), w.b2);
}

/** The block (or the final norm) at one site, stopped with a message if it throws or returns anything but x's shape. */
function runBlock(x, F, p, ctx) {
  const where = ctx.layer < 0 ? 'finalNorm()' : `block() at layer ${ctx.layer}, sublayer '${ctx.sublayer}'`;
  let y;
  try {
    y = ctx.layer < 0 ? yours.finalNorm(tf, x, p, ctx) : block(tf, x, F, p, ctx);
  } catch (err) {
    fail(`${where} threw: ${err?.message ?? err}`);
  }
  const got = y instanceof tf.Tensor ? `shape [${y.shape.join(', ')}]` : String(y);
  if (got !== `shape [${x.shape.join(', ')}]`) fail(`${where} must return the stream's shape [${x.shape.join(', ')}], got ${got}`);
  return y;
}

/** Logits, and the stream after the embedding and after each layer; probes[l], if given, is added to the stream at depth l. */
function forward(tokens, probes = []) {
  const { d, nLayers } = CONFIG;
  const probe = (x, l) => (probes[l] ? tf.add(x, probes[l]) : x);
  const positions = tf.tile(tf.range(0, T, 1, 'int32'), [tokens.shape[0] / T]);
  let x = probe(tf.add(tf.gather(model.embed, tokens), tf.gather(model.pos, positions)), 0);
  const streams = [x];
  model.layers.forEach((w, layer) => {
    x = runBlock(x, (h) => selfAttention(h, w), w.self, { d, nLayers, layer, sublayer: 'self' });
    x = probe(
      runBlock(x, (h) => feedForward(h, w), w.ffn, { d, nLayers, layer, sublayer: 'ffn' }),
      layer + 1,
    );
    streams.push(x);
  });
  if (yours.finalNorm) x = runBlock(x, null, model.final, { d, nLayers, layer: -1, sublayer: 'final' });
  return { streams, logits: tf.add(tf.matMul(x, model.wOut), model.bOut) };
}

/** A seeded batch of the toy task: a random sequence, the separator 0, then the same sequence reversed. */
function toyBatch() {
  const [tokens, targets, mask] = [[], [], []];
  for (let b = 0; b < CONFIG.batch; b++) {
    const a = Array.from({ length: CONFIG.len }, () => 1 + Math.floor(dataRandom() * (CONFIG.vocab - 1)));
    const sequence = [...a, 0, ...[...a].reverse()];
    tokens.push(...sequence.slice(0, -1)); // the model reads each token and predicts the next one
    targets.push(...sequence.slice(1));
    mask.push(...sequence.slice(1).map((_, t) => (t >= CONFIG.len ? 1 : 0))); // only the reversal is scored
  }
  return { tokens: tf.tensor1d(tokens, 'int32'), targets: tf.tensor1d(targets, 'int32'), mask: tf.tensor1d(mask) };
}

/** Mean cross-entropy of the next token over the scored positions. */
function lossOf(logits, data) {
  const logProbability = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(data.targets, CONFIG.vocab)), -1);
  return tf.neg(tf.div(tf.sum(tf.mul(logProbability, data.mask)), tf.sum(data.mask)));
}

const round = (v) => Number(v.toPrecision(4)); // NaN and ±Infinity print as null in JSON

/** At initialization: the loss, the mean norm of the stream's token vectors at each depth, and ‖∂L/∂x‖ reaching it there. */
function measureAtInit(data) {
  return tf.tidy(() => {
    const { streams, logits } = forward(data.tokens);
    const loss = lossOf(logits, data).dataSync()[0];
    if (!Number.isFinite(loss)) fail(`the loss at initialization is ${loss}`);
    // ∂L/∂x_l is the gradient of a zero tensor added to the stream at depth l.
    const grads = tf.grads((...probes) => lossOf(forward(data.tokens, probes).logits, data))(streams.map((x) => tf.zerosLike(x)));
    const streamNorm = streams.map((x) => round(tf.mean(tf.norm(x, 'euclidean', -1)).dataSync()[0]));
    return { loss: round(loss), streamNorm, gradNorm: grads.map((g) => round(tf.norm(g).dataSync()[0])) };
  });
}

/** Adam on every weight, a fresh batch each step; the loss is printed every few steps and must stay finite. */
function train() {
  const optimizer = tf.train.adam(CONFIG.learningRate);
  for (let step = 0; step < CONFIG.steps; step++) {
    const loss = tf.tidy(() => {
      const data = toyBatch();
      return optimizer.minimize(() => lossOf(forward(data.tokens).logits, data), true).dataSync()[0];
    });
    if (!Number.isFinite(loss)) fail(`the loss is ${loss} at training step ${step}`);
    if (step % 5 === 0 || step === CONFIG.steps - 1) console.log(JSON.stringify({ step, loss: round(loss) }));
  }
}

console.log(JSON.stringify({ ...CONFIG, backend: tf.getBackend(), ...measureAtInit(toyBatch()) }));
train();
