// The claim's own predicate, evaluated on the reader's run ("holds in your browser: …"). A claim that is
// checked on the mean over several seeds is evaluated here on this one run, and says so.

export interface LiveOutcome {
  holds: boolean;
  detail: string;
}

export async function evaluateClaim(claimId: string, measurements: unknown): Promise<LiveOutcome | undefined> {
  const { loadClaim } = await import('./experiment-loader');
  const claim = await loadClaim(claimId);
  try {
    if (claim.mode === 'each-seed') return claim.predicate(measurements as never);
    const v = claim.predicate([measurements] as never);
    return { holds: v.holds, detail: `${v.detail} (one run; the test suite checks the mean over seeds ${claim.seeds.join(', ')})` };
  } catch (err) {
    // Edited code may return measurements of another shape: say so instead of failing the run.
    return {
      holds: false,
      detail: `the claim's predicate could not read these measurements (${err instanceof Error ? err.message : String(err)})`,
    };
  }
}
