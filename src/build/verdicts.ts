// Verdict values and how they read, plus the permalink id of a thread claim such as "(a)".
export const VERDICTS = ['right', 'partly', 'wrong'] as const;
export type VerdictValue = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<VerdictValue, string> = {
  right: 'Right',
  partly: 'Partly right',
  wrong: 'Wrong',
};

/** "(a)" → "claim-a"; the id a verdict on that thread claim carries. */
export function claimAnchor(claim: string): string {
  const slug = claim
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (!slug) throw new Error(`Verdict: claim "${claim}" has no letters or digits to make an id from`);
  return `claim-${slug}`;
}

export function assertVerdict(v: string): VerdictValue {
  if (!(VERDICTS as readonly string[]).includes(v)) {
    throw new Error(`Verdict: v="${v}" is not one of ${VERDICTS.join(', ')}`);
  }
  return v as VerdictValue;
}
