// The thread's claims and the site's verdicts, read once from the published answers: for /thread/ and for the
// line that introduces each answer's verdicts (components/ThreadContext.astro).
import { getQuestions } from './questions';
import { findVerdicts, groupByClaim, type ClaimGroup } from './verdict-usage';

let cache: Promise<ClaimGroup[]> | undefined;

export function getThreadClaims(): Promise<ClaimGroup[]> {
  cache ??= getQuestions().then((questions) => groupByClaim(findVerdicts(questions.map((q) => ({ id: q.id, text: q.body ?? '' })))));
  return cache;
}

export const THREAD_URL = '/thread/';
