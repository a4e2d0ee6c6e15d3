// Our WebAssembly SIMD kernels for the WASM backend, working in place on TF.js's own memory (the module imports
// it), so tensors are read and written where they are. Why: TF.js 4.22 runs every batched matMul ([B·H]
// products of 16×16 matrices, attention) through a scalar loop at ~2-4 GFLOP/s, and its small kernels cost more
// than the arithmetic they do. The 4,207-byte binary is assembled here: no build step, no generated file.
//   mm(a, b, c, batch, M, K, N, sAi, sAk, bias, relu): C[M×N] = A·B (+ bias[N] if bias ≠ 0, then ReLU if relu ≠ 0)
//     per batch, A(i,k) at a + 4·(batch·M·K + i·sAi + k·sAk) (sAi = K, sAk = 1: A as stored; sAi = 1, sAk = M:
//     Aᵀ of a stored [K×M]); N a multiple of 4.
//   nt(a, b, c, batch, M, K, N): C[M×N] = A·Bᵀ per batch, B stored [N×K]; K a multiple of 4.
//   colsum(x, out, N, m): out[m] = Σ_rows x[N×m] (float32 sums); m a multiple of 4.
//   relumask(dy, y, g, count): g = y > 0 ? dy : 0 elementwise; count a multiple of 4.
//   lnforward / lnbackward: LayerNorm over rows of d (a multiple of 4) and its gradients, as layer-norm.ts.
//   add(a, b, out, count): out = a + b elementwise; count a multiple of 4.
//   heads(x, p, B, T, n, H, dh, k, toParts): copy between x [B, T, n, H, dh] and its part k, p [B, H, T, dh],
//     toward p if toParts ≠ 0, else back into x; dh a multiple of 4 (split-heads.ts).
//   adam(...): the Adam update of adam-kernel.ts in float32 SIMD, same operations in the same order.
//   softmax(s, w, rows, Tq, Tk, causal, scale): attention-softmax.ts's forward loop in float64, with exp computed
//     as fdlibm's (which is V8's Math.exp in Node): the same numbers as the JS loop there, bit for bit.
// Addresses are byte offsets into the memory.

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const str = (s: string) => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

// Instructions.
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (n: number) => [0x41, ...sleb(n)];
const add = [0x6a];
const mul = [0x6c];
const geU = [0x4f];
const MEMARG = [2, 0]; // align 2^2, offset 0
const f32store = [0x38, ...MEMARG];
const f32add = [0x92];
const v128load = [0xfd, 0x00, ...MEMARG];
const v128store = [0xfd, 0x0b, ...MEMARG];
const v128load32splat = [0xfd, 0x09, ...MEMARG]; // one f32 into all four lanes, a load (vbroadcastss), no shuffle
const v128zero = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
const f32x4splat = [0xfd, 0x13];
const f32x4lane = (l: number) => [0xfd, 0x1f, l];
const f32x4add = [0xfd, 0xe4, 0x01];
const f32x4mul = [0xfd, 0xe6, 0x01];
const f32x4gt = [0xfd, 0x44];
const f32x4sub = [0xfd, 0xe5, 0x01];
const f32x4div = [0xfd, 0xe7, 0x01];
const f32x4sqrt = [0xfd, 0xe3, 0x01];
const f32div = [0x95];
const f32sqrt = [0x91];
const f32fromU32 = [0xb3];
const v128and = [0xfd, 0x4e];

/** for (v = from; v < limit; v += step) body — limit, step and from as instruction sequences. */
const forLoop = (v: number, limit: number[], step: number[], body: number[], from: number[] = i32(0)) => [
  ...from,
  ...set(v),
  0x02,
  0x40,
  0x03,
  0x40,
  ...get(v),
  ...limit,
  ...geU,
  0x0d,
  1, // exit when v ≥ limit
  ...body,
  ...get(v),
  ...step,
  ...add,
  ...set(v),
  0x0c,
  0,
  0x0b,
  0x0b,
];

function mmBody(): number[] {
  // params a0 b1 c2 batch3 M4 K5 N6 sAi7 sAk8 bias9 relu10. Blocks of 4 rows × 8 columns keep their 8 sums in
  // registers over the whole k loop (B read once per 4 rows, C not at all per k); the rows and columns left
  // over take the row-at-a-time loop. Every entry is bias + Σ_k a·b added in k order on either path (as
  // XNNPACK's matMuls add it: the results are the same bit for bit), then ReLU as 0 < y ? y : 0.
  const [a, b, c, batch, M, K, N, sAi, sAk, bias, relu] = Array.from({ length: 11 }, (_, x) => x);
  const [bb, i, k, jb, cRow, bRow, aRow, N4, addr, Mb, Nb, aPtr, bPtr, rs, ks, aBase, bBase, cBase, jFrom] = Array.from(
    { length: 19 },
    (_, x) => x + 11,
  ); // i32
  const [s, bv0, bv1, ...acc] = Array.from({ length: 11 }, (_, x) => x + 30); // v128; row r, columns 4v..4v+3 in acc[2r + v]
  const loadAt = (offset: number) => [0xfd, 0x00, 2, ...uleb(offset)];
  const storeAt = (offset: number) => [0xfd, 0x0b, 2, ...uleb(offset)];
  // The bias of the 4 columns at byte jb + offset (zeros without a bias).
  const biasAt = (offset: number) => [
    ...get(bias),
    0x04,
    V128,
    ...get(bias),
    ...get(jb),
    ...add,
    ...loadAt(offset),
    0x05,
    ...v128zero,
    0x0b,
  ];

  // Row i, columns jFrom.. of C (byte offsets), one row at a time.
  const zeroRow = forLoop(jb, get(N4), i32(16), [...get(cRow), ...get(jb), ...add, ...biasAt(0), ...v128store], get(jFrom));
  const axpy = forLoop(
    jb,
    get(N4),
    i32(16),
    [
      ...get(cRow),
      ...get(jb),
      ...add,
      ...tee(addr),
      ...get(addr),
      ...v128load,
      ...get(s),
      ...get(bRow),
      ...get(jb),
      ...add,
      ...v128load,
      ...f32x4mul,
      ...f32x4add,
      ...v128store,
    ],
    get(jFrom),
  );
  const rowLoop = forLoop(k, get(K), i32(1), [
    ...get(aRow),
    ...get(k),
    ...get(ks),
    ...mul,
    ...add,
    ...v128load32splat,
    ...set(s),
    ...get(bBase),
    ...get(k),
    ...get(N4),
    ...mul,
    ...add,
    ...set(bRow),
    ...axpy,
  ]);
  const oneRow = [
    ...get(cBase),
    ...get(i),
    ...get(N4),
    ...mul,
    ...add,
    ...set(cRow),
    ...zeroRow,
    ...get(aBase),
    ...get(i),
    ...get(rs),
    ...mul,
    ...add,
    ...set(aRow),
    ...rowLoop,
  ];

  // Rows i..i+3, columns jb..jb+7.
  const fma = (r: number, v: number, bv: number) => [
    ...get(acc[2 * r + v]!),
    ...get(s),
    ...get(bv),
    ...f32x4mul,
    ...f32x4add,
    ...set(acc[2 * r + v]!),
  ];
  // Row r's entry at this k: aPtr, then each next row rs bytes further (addr carries the previous row's).
  const rowAddress = (r: number) => (r === 0 ? get(aPtr) : [...get(r === 1 ? aPtr : addr), ...get(rs), ...add, ...tee(addr)]);
  const kStep = [
    ...get(bPtr),
    ...loadAt(0),
    ...set(bv0),
    ...get(bPtr),
    ...loadAt(16),
    ...set(bv1),
    ...[0, 1, 2, 3].flatMap((r) => [...rowAddress(r), ...v128load32splat, ...set(s), ...fma(r, 0, bv0), ...fma(r, 1, bv1)]),
    ...get(aPtr),
    ...get(ks),
    ...add,
    ...set(aPtr),
    ...get(bPtr),
    ...get(N4),
    ...add,
    ...set(bPtr),
  ];
  const block = [
    ...biasAt(0),
    ...set(bv0),
    ...biasAt(16),
    ...set(bv1),
    ...acc.flatMap((x, n) => [...get(n % 2 ? bv1 : bv0), ...set(x)]),
    ...get(aBase),
    ...get(i),
    ...get(rs),
    ...mul,
    ...add,
    ...set(aPtr),
    ...get(bBase),
    ...get(jb),
    ...add,
    ...set(bPtr),
    ...forLoop(k, get(K), i32(1), kStep),
    ...get(cBase),
    ...get(i),
    ...get(N4),
    ...mul,
    ...add,
    ...get(jb),
    ...add,
    ...set(cRow),
    ...[0, 1, 2, 3].flatMap((r) => [
      ...get(cRow),
      ...get(acc[2 * r]!),
      ...storeAt(0),
      ...get(cRow),
      ...get(acc[2 * r + 1]!),
      ...storeAt(16),
      ...get(cRow),
      ...get(N4),
      ...add,
      ...set(cRow),
    ]),
  ];

  const perBatch = [
    ...get(a),
    ...get(bb),
    ...get(M),
    ...mul,
    ...get(K),
    ...mul,
    ...i32(4),
    ...mul,
    ...add,
    ...set(aBase),
    ...get(b),
    ...get(bb),
    ...get(K),
    ...mul,
    ...get(N4),
    ...mul,
    ...add,
    ...set(bBase),
    ...get(c),
    ...get(bb),
    ...get(M),
    ...mul,
    ...get(N4),
    ...mul,
    ...add,
    ...set(cBase),
    ...forLoop(i, get(Mb), i32(4), forLoop(jb, get(Nb), i32(32), block)),
    ...get(Nb),
    ...set(jFrom),
    ...forLoop(i, get(Mb), i32(1), oneRow),
    ...i32(0),
    ...set(jFrom),
    ...forLoop(i, get(M), i32(1), oneRow, get(Mb)),
    ...get(relu),
    0x04,
    0x40, // if relu: C = 0 < C ? C : 0 (f32x4.pmax(0, C))
    ...forLoop(jb, [...get(M), ...get(N4), ...mul], i32(16), [
      ...get(cBase),
      ...get(jb),
      ...add,
      ...tee(addr),
      ...v128zero,
      ...get(addr),
      ...v128load,
      0xfd,
      0xeb,
      0x01,
      ...v128store,
    ]),
    0x0b,
  ];
  const code = [
    ...get(N),
    ...i32(4),
    ...mul,
    ...set(N4),
    ...get(M),
    ...i32(-4),
    0x71, // i32.and
    ...set(Mb),
    ...get(N4),
    ...i32(-32),
    0x71,
    ...set(Nb),
    ...get(sAi),
    ...i32(4),
    ...mul,
    ...set(rs),
    ...get(sAk),
    ...i32(4),
    ...mul,
    ...set(ks),
    ...forLoop(bb, get(batch), i32(1), perBatch),
    0x0b,
  ];
  const locals = vec([
    [...uleb(19), I32],
    [...uleb(11), V128],
  ]);
  return [...locals, ...code];
}

function ntBody(): number[] {
  // params a0 b1 c2 batch3 M4 K5 N6; locals bb7 i8 j9 kb10 aRow11 bRow12 K4 13 out14 acc(v128)15
  const [a, b, c, batch, M, K, N, bb, i, j, kb, aRow, bRow, K4, out, acc] = Array.from({ length: 16 }, (_, x) => x);
  const kLoop = forLoop(kb, get(K4), i32(16), [
    ...get(acc),
    ...get(aRow),
    ...get(kb),
    ...add,
    ...v128load,
    ...get(bRow),
    ...get(kb),
    ...add,
    ...v128load,
    ...f32x4mul,
    ...f32x4add,
    ...set(acc),
  ]);
  const lanes = [
    ...get(acc),
    ...f32x4lane(0),
    ...get(acc),
    ...f32x4lane(1),
    ...f32add,
    ...get(acc),
    ...f32x4lane(2),
    ...f32add,
    ...get(acc),
    ...f32x4lane(3),
    ...f32add,
  ];
  const jLoop = forLoop(j, get(N), i32(1), [
    ...get(b),
    ...get(bb),
    ...get(N),
    ...mul,
    ...get(j),
    ...add,
    ...get(K4),
    ...mul,
    ...add,
    ...set(bRow),
    ...v128zero,
    ...set(acc),
    ...kLoop,
    ...get(out),
    ...lanes,
    ...f32store,
    ...get(out),
    ...i32(4),
    ...add,
    ...set(out),
  ]);
  const iLoop = forLoop(i, get(M), i32(1), [
    ...get(a),
    ...get(bb),
    ...get(M),
    ...mul,
    ...get(i),
    ...add,
    ...get(K4),
    ...mul,
    ...add,
    ...set(aRow),
    ...jLoop,
  ]);
  const code = [...get(K), ...i32(4), ...mul, ...set(K4), ...get(c), ...set(out), ...forLoop(bb, get(batch), i32(1), iLoop), 0x0b];
  const locals = vec([
    [...uleb(8), I32],
    [...uleb(1), V128],
  ]);
  return [...locals, ...code];
}

function colsumBody(): number[] {
  // params x0 out1 N2 m3; locals r4 jb5 m4 6 row7 addr8
  const [x, out, N, m, r, jb, m4, row, addr] = Array.from({ length: 9 }, (_, v) => v);
  const zero = forLoop(jb, get(m4), i32(16), [...get(out), ...get(jb), ...add, ...v128zero, ...v128store]);
  const rows = forLoop(r, get(N), i32(1), [
    ...get(x),
    ...get(r),
    ...get(m4),
    ...mul,
    ...add,
    ...set(row),
    ...forLoop(jb, get(m4), i32(16), [
      ...get(out),
      ...get(jb),
      ...add,
      ...tee(addr),
      ...get(addr),
      ...v128load,
      ...get(row),
      ...get(jb),
      ...add,
      ...v128load,
      ...f32x4add,
      ...v128store,
    ]),
  ]);
  const code = [...get(m), ...i32(4), ...mul, ...set(m4), ...zero, ...rows, 0x0b];
  return [...vec([[...uleb(5), I32]]), ...code];
}

function reluMaskBody(): number[] {
  // params dy0 y1 g2 count3; locals ib4 bytes5
  const [dy, y, g, count, ib, bytes] = Array.from({ length: 6 }, (_, v) => v);
  const loop = forLoop(ib, get(bytes), i32(16), [
    ...get(g),
    ...get(ib),
    ...add,
    ...get(dy),
    ...get(ib),
    ...add,
    ...v128load,
    ...get(y),
    ...get(ib),
    ...add,
    ...v128load,
    ...v128zero,
    ...f32x4gt,
    ...v128and,
    ...v128store,
  ]);
  return [...vec([[...uleb(2), I32]]), ...get(count), ...i32(4), ...mul, ...set(bytes), ...loop, 0x0b];
}

function headsBody(): number[] {
  // params x0 p1 B2 T3 n4 H5 dh6 k7 toParts8; locals b9 h10 t11 c12 src13 dst14 dh4 15 rowStride16 kOff17 (i32)
  const [x, p, B, T, n, H, dh, k, toParts, b, h, t, c, src, dst, dh4, rowStride, kOff] = Array.from({ length: 18 }, (_, v) => v);
  const at = (base: number) => [...get(base), ...get(c), ...add];
  const copy = (from: number, to: number) => forLoop(c, get(dh4), i32(16), [...at(to), ...at(from), ...v128load, ...v128store]);
  const perRun = [
    ...get(x),
    ...get(b),
    ...get(T),
    ...mul,
    ...get(t),
    ...add,
    ...get(rowStride),
    ...mul,
    ...add,
    ...get(kOff),
    ...add,
    ...get(h),
    ...get(dh4),
    ...mul,
    ...add,
    ...set(src),
    ...get(toParts),
    0x04,
    0x40,
    ...copy(src, dst),
    0x05,
    ...copy(dst, src),
    0x0b,
    ...get(dst),
    ...get(dh4),
    ...add,
    ...set(dst),
  ];
  const code = [
    ...get(dh),
    ...i32(4),
    ...mul,
    ...set(dh4),
    ...get(n),
    ...get(H),
    ...mul,
    ...get(dh4),
    ...mul,
    ...set(rowStride),
    ...get(k),
    ...get(H),
    ...mul,
    ...get(dh4),
    ...mul,
    ...set(kOff),
    ...get(p),
    ...set(dst),
    ...forLoop(b, get(B), i32(1), forLoop(h, get(H), i32(1), forLoop(t, get(T), i32(1), perRun))),
    0x0b,
  ];
  return [...vec([[...uleb(9), I32]]), ...code];
}

function addBody(): number[] {
  // params a0 b1 out2 count3; locals ib4 bytes5
  const [a, b, out, count, ib, bytes] = Array.from({ length: 6 }, (_, v) => v);
  const loop = forLoop(ib, get(bytes), i32(16), [
    ...get(out),
    ...get(ib),
    ...add,
    ...get(a),
    ...get(ib),
    ...add,
    ...v128load,
    ...get(b),
    ...get(ib),
    ...add,
    ...v128load,
    ...f32x4add,
    ...v128store,
  ]);
  return [...vec([[...uleb(2), I32]]), ...get(count), ...i32(4), ...mul, ...set(bytes), ...loop, 0x0b];
}

function adamBody(): number[] {
  // params p0 m1 v2 g3 p2 4 m2 5 v2 6 count7 (i32), b1 8 ob1 9 b2 10 ob2 11 eps12 lr13 s14 s2 15 (f32);
  // locals ib16 bytes17 (i32), B1 18 OB1 19 B2 20 OB2 21 EPS22 LR23 S24 S2 25 gr26 mi27 vi28 (v128)
  const [p, m, v, g, p2, m2, v2, count] = Array.from({ length: 8 }, (_, x) => x);
  const [ib, bytes, B1, OB1, B2, OB2, EPS, LR, S, S2, gr, mi, vi] = Array.from({ length: 13 }, (_, x) => x + 16);
  const splats = [B1, OB1, B2, OB2, EPS, LR, S, S2].flatMap((local, k) => [...get(8 + k), ...f32x4splat, ...set(local)]);
  const at = (base: number) => [...get(base), ...get(ib), ...add];
  const loop = forLoop(ib, get(bytes), i32(16), [
    ...at(g),
    ...v128load,
    ...set(gr),
    // m' = m·β1 + (g·s)·(1−β1)
    ...at(m),
    ...v128load,
    ...get(B1),
    ...f32x4mul,
    ...get(gr),
    ...get(S),
    ...f32x4mul,
    ...get(OB1),
    ...f32x4mul,
    ...f32x4add,
    ...set(mi),
    // v' = v·β2 + ((g·g)·s²)·(1−β2)
    ...at(v),
    ...v128load,
    ...get(B2),
    ...f32x4mul,
    ...get(gr),
    ...get(gr),
    ...f32x4mul,
    ...get(S2),
    ...f32x4mul,
    ...get(OB2),
    ...f32x4mul,
    ...f32x4add,
    ...set(vi),
    ...at(m2),
    ...get(mi),
    ...v128store,
    ...at(v2),
    ...get(vi),
    ...v128store,
    // θ' = θ − (m' / (√v' + ε))·lr
    ...at(p2),
    ...at(p),
    ...v128load,
    ...get(mi),
    ...get(vi),
    ...f32x4sqrt,
    ...get(EPS),
    ...f32x4add,
    ...f32x4div,
    ...get(LR),
    ...f32x4mul,
    ...f32x4sub,
    ...v128store,
  ]);
  return [
    ...vec([
      [...uleb(2), I32],
      [...uleb(11), V128],
    ]),
    ...splats,
    ...get(count),
    ...i32(4),
    ...mul,
    ...set(bytes),
    ...loop,
    0x0b,
  ];
}

/** Σ of the 4 lanes of a v128 local. */
const hsum = (v: number) => [
  ...get(v),
  ...f32x4lane(0),
  ...get(v),
  ...f32x4lane(1),
  ...f32add,
  ...get(v),
  ...f32x4lane(2),
  ...f32add,
  ...get(v),
  ...f32x4lane(3),
  ...f32add,
];

/** Row statistics of LayerNorm: sets mv = splat(mean), iv = splat(1/√(var + ε)) from the row at local `row`. */
function rowStats(L: {
  row: number;
  jb: number;
  d4: number;
  d: number;
  eps: number;
  acc: number;
  t: number;
  mv: number;
  iv: number;
}): number[] {
  const { row, jb, d4, d, eps, acc, t, mv, iv } = L;
  const n = [...get(d), ...f32fromU32];
  return [
    ...v128zero,
    ...set(acc),
    ...forLoop(jb, get(d4), i32(16), [...get(acc), ...get(row), ...get(jb), ...add, ...v128load, ...f32x4add, ...set(acc)]),
    ...hsum(acc),
    ...n,
    ...f32div,
    ...f32x4splat,
    ...set(mv),
    ...v128zero,
    ...set(acc),
    ...forLoop(jb, get(d4), i32(16), [
      ...get(row),
      ...get(jb),
      ...add,
      ...v128load,
      ...get(mv),
      ...f32x4sub,
      ...tee(t),
      ...get(t),
      ...f32x4mul,
      ...get(acc),
      ...f32x4add,
      ...set(acc),
    ]),
    0x43,
    0x00,
    0x00,
    0x80,
    0x3f, // f32.const 1
    ...hsum(acc),
    ...n,
    ...f32div,
    ...get(eps),
    ...f32add,
    ...f32sqrt,
    ...f32div,
    ...f32x4splat,
    ...set(iv),
  ];
}

function lnForwardBody(): number[] {
  // params x0 g1 b2 y3 N4 d5 eps6(f32); locals r7 jb8 d4 9 row10 out11 (i32), acc12 t13 mv14 iv15 (v128)
  const [x, g, b, y, N, d, eps, r, jb, d4, row, out, acc, t, mv, iv] = Array.from({ length: 16 }, (_, v) => v);
  const body = forLoop(r, get(N), i32(1), [
    ...get(x),
    ...get(r),
    ...get(d4),
    ...mul,
    ...add,
    ...set(row),
    ...get(y),
    ...get(r),
    ...get(d4),
    ...mul,
    ...add,
    ...set(out),
    ...rowStats({ row, jb, d4, d, eps, acc, t, mv, iv }),
    ...forLoop(jb, get(d4), i32(16), [
      ...get(out),
      ...get(jb),
      ...add,
      ...get(row),
      ...get(jb),
      ...add,
      ...v128load,
      ...get(mv),
      ...f32x4sub,
      ...get(iv),
      ...f32x4mul,
      ...get(g),
      ...get(jb),
      ...add,
      ...v128load,
      ...f32x4mul,
      ...get(b),
      ...get(jb),
      ...add,
      ...v128load,
      ...f32x4add,
      ...v128store,
    ]),
  ]);
  return [
    ...vec([
      [...uleb(5), I32],
      [...uleb(4), V128],
    ]),
    ...get(d),
    ...i32(4),
    ...mul,
    ...set(d4),
    ...body,
    0x0b,
  ];
}

function lnBackwardBody(): number[] {
  // params x0 g1 dy2 dx3 dg4 db5 N6 d7 eps8(f32); locals r9 jb10 d4 11 row12 dyr13 dxr14 addr15 (i32),
  // acc16 t17 mv18 iv19 xh20 dxh21 acc2 22 dyv23 (v128)
  const [x, g, dy, dx, dg, db, N, d, eps, r, jb, d4, row, dyr, dxr, addr, acc, t, mv, iv, xh, dxh, acc2, dyv] = Array.from(
    { length: 24 },
    (_, v) => v,
  );
  const at = (base: number) => [...get(base), ...get(jb), ...add];
  const xhat = [...at(row), ...v128load, ...get(mv), ...f32x4sub, ...get(iv), ...f32x4mul, ...set(xh)];
  const accumulate = (base: number, value: number[]) => [
    ...at(base),
    ...tee(addr),
    ...get(addr),
    ...v128load,
    ...value,
    ...f32x4add,
    ...v128store,
  ];
  const n = [...get(d), ...f32fromU32];
  const body = forLoop(r, get(N), i32(1), [
    ...get(x),
    ...get(r),
    ...get(d4),
    ...mul,
    ...add,
    ...set(row),
    ...get(dy),
    ...get(r),
    ...get(d4),
    ...mul,
    ...add,
    ...set(dyr),
    ...get(dx),
    ...get(r),
    ...get(d4),
    ...mul,
    ...add,
    ...set(dxr),
    ...rowStats({ row, jb, d4, d, eps, acc, t, mv, iv }),
    ...v128zero,
    ...set(acc),
    ...v128zero,
    ...set(acc2),
    ...forLoop(jb, get(d4), i32(16), [
      ...xhat,
      ...at(dyr),
      ...v128load,
      ...set(dyv),
      ...get(dyv),
      ...at(g),
      ...v128load,
      ...f32x4mul,
      ...set(dxh),
      ...get(acc),
      ...get(dxh),
      ...f32x4add,
      ...set(acc),
      ...get(acc2),
      ...get(dxh),
      ...get(xh),
      ...f32x4mul,
      ...f32x4add,
      ...set(acc2),
      ...accumulate(dg, [...get(dyv), ...get(xh), ...f32x4mul]),
      ...accumulate(db, get(dyv)),
    ]),
    // t = splat(mean(dx̂)), acc = splat(mean(dx̂·x̂))
    ...hsum(acc),
    ...n,
    ...f32div,
    ...f32x4splat,
    ...set(t),
    ...hsum(acc2),
    ...n,
    ...f32div,
    ...f32x4splat,
    ...set(acc),
    ...forLoop(jb, get(d4), i32(16), [
      ...xhat,
      ...at(dxr),
      ...at(dyr),
      ...v128load,
      ...at(g),
      ...v128load,
      ...f32x4mul,
      ...get(t),
      ...f32x4sub,
      ...get(xh),
      ...get(acc),
      ...f32x4mul,
      ...f32x4sub,
      ...get(iv),
      ...f32x4mul,
      ...v128store,
    ]),
  ]);
  const zero = forLoop(jb, get(d4), i32(16), [...at(dg), ...v128zero, ...v128store, ...at(db), ...v128zero, ...v128store]);
  return [
    ...vec([
      [...uleb(7), I32],
      [...uleb(8), V128],
    ]),
    ...get(d),
    ...i32(4),
    ...mul,
    ...set(d4),
    ...zero,
    ...body,
    0x0b,
  ];
}

// Float64 instructions for the softmax (scalar: its exp is the costly part, and it must be fdlibm's exactly).
const F64 = 0x7c;
const f64 = (v: number) => [0x44, ...new Uint8Array(new Float64Array([v]).buffer)];
const [f64add, f64sub, f64mul, f64div, f64max] = [[0xa0], [0xa1], [0xa2], [0xa3], [0xa5]];
const [f64ne, f64lt, f64gt] = [[0x62], [0x63], [0x64]];
const [f32load, f64fromF32, f32fromF64, f64fromI32, i32fromF64] = [[0x2a, ...MEMARG], [0xbb], [0xb6], [0xb7], [0xaa]];
const [i64bits, f64frombits, i64shl, i64shrU, i64add, i64fromI32, i32fromI64] = [[0xbd], [0xbf], [0x86], [0x88], [0x7c], [0xac], [0xa7]];
const i64 = (n: number) => [0x42, ...sleb(n)];
const [i32and, i32sub, i32shrU, i32ltS, i32geS, i32remU, i32eqz] = [[0x71], [0x6b], [0x76], [0x48], [0x4e], [0x70], [0x45]];
const select = [0x1b];
const ifF64 = (cond: number[], then: number[], otherwise: number[]) => [...cond, 0x04, F64, ...then, 0x05, ...otherwise, 0x0b];
const ifElse = (cond: number[], then: number[], otherwise: number[]) => [...cond, 0x04, 0x40, ...then, 0x05, ...otherwise, 0x0b];

/**
 * exp(x) of local x (changed) onto the stack: fdlibm's e_exp.c step for step (argument reduction x = k·ln2 + r with
 * ln2 split in two, its degree-5 rational approximation, then 2^k put into the exponent bits). V8 computes Math.exp
 * this way, so the result equals Math.exp(x) in Node bit for bit (a unit test compares them over millions of inputs).
 * Not its x = 1 special case: the softmax's arguments are ≤ 0.
 */
function fdlibmExp(l: {
  x: number;
  hx: number;
  xsb: number;
  k: number;
  hi: number;
  lo: number;
  t: number;
  c: number;
  y: number;
}): number[] {
  const [LN2_HI, LN2_LO, INV_LN2] = [6.9314718036912381649e-1, 1.90821492927058770002e-10, 1.442695040888963387];
  const P = [
    1.66666666666666019037e-1, -2.77777777770155933842e-3, 6.61375632143793436117e-5, -1.6533902205465251539e-6, 4.13813679705723846039e-8,
  ];
  const bySign = (positive: number) => [...f64(-positive), ...f64(positive), ...get(l.xsb), ...select]; // fdlibm's v[xsb]
  const reduce = ifElse(
    [...get(l.hx), ...i32(0x3fd62e42), 0x4a], // |x| > ln2/2 (i32.gt_s: hx ≥ 0 here)
    [
      ...ifElse(
        [...get(l.hx), ...i32(0x3ff0a2b2), ...i32ltS], // and |x| < 1.5·ln2: k = ±1
        [
          ...get(l.x),
          ...bySign(LN2_HI),
          ...f64sub,
          ...set(l.hi),
          ...bySign(LN2_LO),
          ...set(l.lo),
          ...i32(1),
          ...get(l.xsb),
          ...get(l.xsb),
          ...add,
          ...i32sub,
          ...set(l.k),
        ],
        [
          ...f64(INV_LN2),
          ...get(l.x),
          ...f64mul,
          ...bySign(0.5),
          ...f64add,
          ...i32fromF64,
          ...tee(l.k), // k = (int)(x/ln2 ± 0.5)
          ...f64fromI32,
          ...set(l.t),
          ...get(l.x),
          ...get(l.t),
          ...f64(LN2_HI),
          ...f64mul,
          ...f64sub,
          ...set(l.hi),
          ...get(l.t),
          ...f64(LN2_LO),
          ...f64mul,
          ...set(l.lo),
        ],
      ),
      ...get(l.hi),
      ...get(l.lo),
      ...f64sub,
      ...set(l.x),
    ],
    [...i32(0), ...set(l.k)],
  );
  // c = x − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5)))), t = x²
  const poly = [
    ...get(l.x),
    ...get(l.x),
    ...f64mul,
    ...set(l.t),
    ...get(l.x),
    ...get(l.t),
    ...f64(P[0]!),
    ...get(l.t),
    ...f64(P[1]!),
    ...get(l.t),
    ...f64(P[2]!),
    ...get(l.t),
    ...f64(P[3]!),
    ...get(l.t),
    ...f64(P[4]!),
    ...f64mul,
    ...f64add,
    ...f64mul,
    ...f64add,
    ...f64mul,
    ...f64add,
    ...f64mul,
    ...f64add,
    ...f64mul,
    ...f64sub,
    ...set(l.c),
  ];
  const xc = [...get(l.x), ...get(l.c), ...f64mul];
  // y·2^k by adding k to y's exponent bits (k + 1000 and a factor 2^-1000 where 2^k alone would be subnormal)
  const scaled = (shift: number) => [
    ...get(l.y),
    ...i64bits,
    ...get(l.k),
    ...i32(shift),
    ...add,
    ...i64fromI32,
    ...i64(52),
    ...i64shl,
    ...i64add,
    ...f64frombits,
  ];
  const general = [
    ...reduce,
    ...poly,
    ...ifF64(
      [...get(l.k), ...i32eqz],
      [...f64(1), ...xc, ...get(l.c), ...f64(2), ...f64sub, ...f64div, ...get(l.x), ...f64sub, ...f64sub], // 1 − (x·c/(c − 2) − x)
      [
        ...f64(1),
        ...get(l.lo),
        ...xc,
        ...f64(2),
        ...get(l.c),
        ...f64sub,
        ...f64div,
        ...f64sub,
        ...get(l.hi),
        ...f64sub,
        ...f64sub,
        ...set(l.y), // y = 1 − ((lo − x·c/(2 − c)) − hi)
        ...ifF64([...get(l.k), ...i32(-1021), ...i32geS], scaled(0), [...scaled(1000), ...f64(2 ** -1000), ...f64mul]),
      ],
    ),
  ];
  return [
    ...get(l.x),
    ...i64bits,
    ...i64(32),
    ...i64shrU,
    ...i32fromI64,
    ...tee(l.hx),
    ...i32(31),
    ...i32shrU,
    ...set(l.xsb),
    ...get(l.hx),
    ...i32(0x7fffffff),
    ...i32and,
    ...set(l.hx),
    ...ifF64(
      [...get(l.x), ...get(l.x), ...f64ne],
      [...get(l.x), ...get(l.x), ...f64add], // NaN
      ifF64(
        [...get(l.x), ...f64(7.09782712893383973096e2), ...f64gt],
        f64(Infinity), // overflow
        ifF64(
          [...get(l.x), ...f64(-7.4513321910194110842e2), ...f64lt],
          f64(0), // underflow
          ifF64([...get(l.hx), ...i32(0x3e300000), ...i32ltS], [...f64(1), ...get(l.x), ...f64add], general),
        ),
      ),
    ), // |x| < 2^-28: 1 + x
  ];
}

function softmaxBody(): number[] {
  // params s0 w1 rows2 Tq3 Tk4 causal5 scale6 (f64); locals (i32) r7 sRow8 wRow9 vis10 kb11 Tk4 12 addr13 hx14
  // xsb15 k16, (f64) max17 sum18 e19 x20 hi21 lo22 t23 c24 y25
  const [s, w, rows, Tq, Tk, causal, scale, r, sRow, wRow, vis, kb, Tk4, addr, hx, xsb, k] = Array.from({ length: 17 }, (_, v) => v);
  const [max, sum, e, x, hi, lo, t, c, y] = Array.from({ length: 9 }, (_, v) => v + 17);
  const scoreAt = [...get(sRow), ...get(kb), ...add, ...f32load, ...f64fromF32, ...get(scale), ...f64mul]; // S[k]·scale
  const row = [
    ...get(s),
    ...get(r),
    ...get(Tk4),
    ...mul,
    ...add,
    ...set(sRow),
    ...get(w),
    ...get(r),
    ...get(Tk4),
    ...mul,
    ...add,
    ...set(wRow),
    // query i sees keys 0..i when causal
    ...get(r),
    ...get(Tq),
    ...i32remU,
    ...i32(1),
    ...add,
    ...i32(4),
    ...mul,
    ...get(Tk4),
    ...get(causal),
    ...select,
    ...set(vis),
    ...f64(-Infinity),
    ...set(max),
    ...forLoop(kb, get(vis), i32(4), [...get(max), ...scoreAt, ...f64max, ...set(max)]),
    ...f64(0),
    ...set(sum),
    ...forLoop(kb, get(vis), i32(4), [
      ...scoreAt,
      ...get(max),
      ...f64sub,
      ...set(x),
      ...fdlibmExp({ x, hx, xsb, k, hi, lo, t, c, y }),
      ...set(e),
      ...get(wRow),
      ...get(kb),
      ...add,
      ...get(e),
      ...f32fromF64,
      ...f32store, // W[k] = e in float32; the sum adds e unrounded
      ...get(sum),
      ...get(e),
      ...f64add,
      ...set(sum),
    ]),
    ...forLoop(kb, get(vis), i32(4), [
      ...get(wRow),
      ...get(kb),
      ...add,
      ...tee(addr),
      ...get(addr),
      ...f32load,
      ...f64fromF32,
      ...get(sum),
      ...f64div,
      ...f32fromF64,
      ...f32store,
    ]),
    ...forLoop(kb, get(Tk4), i32(4), [...get(wRow), ...get(kb), ...add, ...f64(0), ...f32fromF64, ...f32store], get(vis)),
  ];
  const code = [...get(Tk), ...i32(4), ...mul, ...set(Tk4), ...forLoop(r, get(rows), i32(1), row), 0x0b];
  return [
    ...vec([
      [...uleb(10), I32],
      [...uleb(9), F64],
    ]),
    ...code,
  ];
}

/** The module's bytes. */
export function simdKernelsBinary(): Uint8Array<ArrayBuffer> {
  const fn = (params: number, last: number[] = []) => [
    0x60,
    ...vec([...new Array<number[]>(params).fill([I32]), ...last.map((t) => [t])]),
    0,
  ];
  const bodies = [
    mmBody(),
    ntBody(),
    colsumBody(),
    reluMaskBody(),
    lnForwardBody(),
    lnBackwardBody(),
    addBody(),
    adamBody(),
    headsBody(),
    softmaxBody(),
  ].map((b) => [...uleb(b.length), ...b]);
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec([fn(11), fn(7), fn(4), fn(6, [F32]), fn(8, [F32]), fn(8, new Array<number>(8).fill(F32)), fn(9), fn(6, [F64])])),
    ...section(2, vec([[...str('env'), ...str('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vec([[0], [1], [2], [2], [3], [4], [2], [5], [6], [7]])),
    ...section(
      7,
      vec([
        [...str('mm'), 0x00, 0],
        [...str('nt'), 0x00, 1],
        [...str('colsum'), 0x00, 2],
        [...str('relumask'), 0x00, 3],
        [...str('lnforward'), 0x00, 4],
        [...str('lnbackward'), 0x00, 5],
        [...str('add'), 0x00, 6],
        [...str('adam'), 0x00, 7],
        [...str('heads'), 0x00, 8],
        [...str('softmax'), 0x00, 9],
      ]),
    ),
    ...section(10, vec(bodies)),
  ]);
}

/** A module of fdlibmExp alone, `exp(x: f64): f64`, for the test that compares it with Math.exp (only the test imports it). */
export function expTestBinary(): Uint8Array<ArrayBuffer> {
  const [x, hx, xsb, k, hi, lo, t, c, y] = Array.from({ length: 9 }, (_, v) => v); // param x, then the exp's locals
  const body = [
    ...vec([
      [...uleb(3), I32],
      [...uleb(5), F64],
    ]),
    ...fdlibmExp({ x, hx, xsb, k, hi, lo, t, c, y }),
    0x0b,
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, ...vec([[F64]]), ...vec([[F64]])]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...str('exp'), 0x00, 0]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}

export interface SimdKernels {
  mm(
    a: number,
    b: number,
    c: number,
    batch: number,
    M: number,
    K: number,
    N: number,
    sAi: number,
    sAk: number,
    bias: number,
    relu: number,
  ): void;
  nt(a: number, b: number, c: number, batch: number, M: number, K: number, N: number): void;
  colsum(x: number, out: number, N: number, m: number): void;
  relumask(dy: number, y: number, g: number, count: number): void;
  lnforward(x: number, g: number, b: number, y: number, N: number, d: number, epsilon: number): void;
  lnbackward(x: number, g: number, dy: number, dx: number, dg: number, db: number, N: number, d: number, epsilon: number): void;
  add(a: number, b: number, out: number, count: number): void;
  heads(x: number, p: number, B: number, T: number, n: number, H: number, dh: number, k: number, toParts: number): void;
  softmax(s: number, w: number, rows: number, Tq: number, Tk: number, causal: number, scale: number): void;
  adam(
    p: number,
    m: number,
    v: number,
    g: number,
    p2: number,
    m2: number,
    v2: number,
    count: number,
    b1: number,
    ob1: number,
    b2: number,
    ob2: number,
    eps: number,
    lr: number,
    s: number,
    s2: number,
  ): void;
}

const instances = new WeakMap<WebAssembly.Memory, SimdKernels | null>();
let failure: string | undefined;

/** Why our SIMD module could not be instantiated (the kernels then run TF.js's own, slower paths), if it could not. */
export function simdFailure(): string | undefined {
  return failure;
}

/** The kernels bound to this memory, or null where WebAssembly SIMD is unavailable. */
export function simdKernels(memory: WebAssembly.Memory): SimdKernels | null {
  if (!instances.has(memory)) {
    let made: SimdKernels | null;
    try {
      made = new WebAssembly.Instance(new WebAssembly.Module(simdKernelsBinary()), { env: { memory } }).exports as unknown as SimdKernels;
    } catch (err) {
      // No SIMD (or no WebAssembly compilation allowed): callers fall back to TF.js's kernels, and the backend
      // report says why (initBackend), so a slow run is explained rather than silent.
      made = null;
      failure = `our WebAssembly SIMD kernels could not start (${err instanceof Error ? err.message : String(err)}); TF.js's own kernels run instead`;
      console.warn(failure);
    }
    instances.set(memory, made);
  }
  return instances.get(memory)!;
}
