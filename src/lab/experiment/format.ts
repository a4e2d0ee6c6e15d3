// Number formatting and small statistics shared by the claim predicates (their detail strings must show
// the numbers the verdict rests on).

/** 3 significant digits; exponent form for very large or small magnitudes. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Element-wise mean of equal-length arrays (e.g. one curve per seed). */
export function meanCurve(curves: readonly (readonly number[])[]): number[] {
  const n = curves[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => mean(curves.map((c) => c[i]!)));
}

export const fmtList = (xs: readonly number[]): string => `[${xs.map(fmt).join(', ')}]`;
