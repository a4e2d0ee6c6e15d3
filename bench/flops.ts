// Analytic FLOPs of one training step of the lab's decoder-only Transformer (matMuls only; a multiply-add
// counts 2). With N = B·T rows, model width d, FFN width f, vocabulary V, per layer:
//   QKV 2·N·d·3d + scores QKᵀ 2·N·T·d + weights·V 2·N·T·d + output projection 2·N·d·d + FFN 2·2·N·d·f
// plus the one-hot embedding 2·N·V·d and the output projection 2·N·d·V. Backward ≈ 2 × forward (each
// matMul gives two of the same size), so a step ≈ 3 × forward. Elementwise ops, LayerNorm, softmax and
// Adam are left out (O(N·d) each, a few % here).
export interface FlopShape {
  layers: number;
  d: number;
  ff: number;
  T: number;
  batch: number;
  vocab: number;
}

export function forwardFlops(s: FlopShape): number {
  const N = s.batch * s.T;
  const perLayer = 2 * N * s.d * 3 * s.d + 2 * 2 * N * s.T * s.d + 2 * N * s.d * s.d + 2 * 2 * N * s.d * s.ff;
  return s.layers * perLayer + 2 * 2 * N * s.vocab * s.d;
}

export const stepFlops = (s: FlopShape): number => 3 * forwardFlops(s);
