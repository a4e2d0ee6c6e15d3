// The verification records (src/experiments/<folder>/verification.json, written by `npm run verify-claims`):
// every claim on every seed, at its larger scales and on its counter-runs. Loaded at build time for the
// statistics each evidence block and /claims/ show without JavaScript.
import { assertVerification, type ClaimRecord, type Verification } from '~/lab/experiment/verification';

const files = import.meta.glob<{ default: unknown }>('./*/verification.json', { eager: true });

function load(): Map<string, Verification> {
  const out = new Map<string, Verification>();
  for (const [path, mod] of Object.entries(files)) {
    const id = path.split('/')[1]!.split('-')[0]!;
    try {
      assertVerification(id, mod.default);
    } catch (e) {
      throw new Error(`src/experiments/${path.slice(2)}: ${(e as Error).message}`, { cause: e });
    }
    out.set(id, mod.default);
  }
  return out;
}

export const verifications: ReadonlyMap<string, Verification> = load();

/** The stored verification of one claim with its file's provenance, or undefined if none is stored yet. */
export function getClaimRecord(
  experimentId: string,
  claimId: string,
): { record: ClaimRecord; provenance: Verification['provenance'] } | undefined {
  const v = verifications.get(experimentId);
  const record = v?.claims[claimId];
  return v && record ? { record, provenance: v.provenance } : undefined;
}
