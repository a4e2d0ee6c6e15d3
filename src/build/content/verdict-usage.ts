// The site's verdicts on the thread's claims, read from the MDX bodies: every <Verdict v claim quote> with the
// question it is on, grouped by claim letter for the /thread/ page. Pure (no astro:content), so it is
// unit-tested in Node; an unreadable or incomplete <Verdict> tag throws, naming the file.
import { assertVerdict, claimAnchor, type VerdictValue } from '~/build/verdicts';
import type { ContentFile } from './claim-usage';

export interface VerdictUse {
  /** The question id (file name without .mdx). */
  question: string;
  claim: string;
  v: VerdictValue;
  quote?: string;
  /** The id of the verdict on its page: /questions/<question>/#<anchor>. */
  anchor: string;
}

export interface ClaimGroup {
  claim: string;
  anchor: string;
  verdicts: VerdictUse[];
}

/** A <Verdict …> opening tag (or self-closing tag); its attributes are read by `attribute` below. */
const verdictTag = /<Verdict\b((?:\s+[A-Za-z][\w-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{\s*(?:"[^"]*"|'[^']*')\s*\}))?)*)\s*\/?>/g;
const attribute = /([A-Za-z][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)')\s*\}))?/g;

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(attribute)) out.set(m[1]!, m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
  return out;
}

/** Every verdict in the files, in file order and then in order of appearance. */
export function findVerdicts(files: readonly ContentFile[]): VerdictUse[] {
  const out: VerdictUse[] = [];
  for (const file of files) {
    const opened = (file.text.match(/<Verdict\b/g) ?? []).length;
    const found = [...file.text.matchAll(verdictTag)];
    if (found.length !== opened) {
      throw new Error(`content/${file.id}.mdx: ${opened - found.length} <Verdict> tag(s) whose attributes cannot be read (use v="…" claim="…" quote="…")`);
    }
    for (const m of found) {
      const attrs = attributes(m[1] ?? '');
      const claim = attrs.get('claim');
      const v = attrs.get('v');
      if (!claim || !v) throw new Error(`content/${file.id}.mdx: a <Verdict> without ${claim ? 'v' : 'claim'}`);
      let value: VerdictValue;
      try {
        value = assertVerdict(v);
      } catch (e) {
        throw new Error(`content/${file.id}.mdx: ${(e as Error).message}`, { cause: e });
      }
      const quote = attrs.get('quote');
      out.push({ question: file.id, claim, v: value, ...(quote ? { quote } : {}), anchor: claimAnchor(claim) });
    }
  }
  return out;
}

/** The verdicts grouped by claim, claims in order of their letter ("(a)" before "(b)"), verdicts in the given order. */
export function groupByClaim(verdicts: readonly VerdictUse[]): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  for (const v of verdicts) {
    const group = groups.get(v.anchor) ?? { claim: v.claim, anchor: v.anchor, verdicts: [] };
    group.verdicts.push(v);
    groups.set(v.anchor, group);
  }
  return [...groups.values()].sort((a, b) => a.anchor.localeCompare(b.anchor, 'en', { numeric: true }));
}

/** "(a) to (i)": the first and last claim of the groups, for a sentence. */
export function claimRange(groups: readonly ClaimGroup[]): string {
  if (groups.length === 0) return '';
  const first = groups[0]!.claim;
  const last = groups[groups.length - 1]!.claim;
  return first === last ? first : `${first} to ${last}`;
}
