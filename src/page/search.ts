// The search dialog's behaviour, loaded on first open: Pagefind's JS API (from the built site's /pagefind/),
// a topic filter, and results that show the question and a short excerpt with the matched words. A query is
// also tried with its synonyms and other word forms (src/data/search-synonyms.ts); when no question has all
// of its words, the questions matching most of them are shown, and said to be partial; when nothing matches
// at all, the questions closest to what was typed are suggested. Glossary entries are listed apart.
import { escapeHtml, toHit, type PagefindResultData, type SearchHit } from './search-results';
import { SEARCH_SYNONYMS } from '~/data/search-synonyms';
import { contentSpans, expandSpans, querySpans, synonymIndex } from './search-expand';
import { hasEveryWord } from './search-genuine';
import { rankByParts, unionByBestScore } from './search-rank';
import { closest } from './search-closest';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData & { content?: string }>;
}
type Filters = Record<string, unknown>;
interface Pagefind {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Filters }): Promise<{ results: PagefindResult[] } | null>;
}

// Each shown result costs one fragment request; 20 covers every question the site has today, so no match is hidden.
const MAX_RESULTS = 20;
const MAX_GLOSSARY = 3;
const MAX_VARIANTS = 24;
/** Below this many questions with every word, questions with most of the words are listed after them. */
const FEW = 3;
/** Words in an excerpt: about two lines in the dialog, so that several results fit. */
const EXCERPT_WORDS = 18;
const GLOSSARY = { kind: 'glossary' };
const synonyms = synonymIndex(SEARCH_SYNONYMS);

let pagefind: Promise<Pagefind> | undefined;
const attached = new WeakSet<HTMLDialogElement>();

function loadPagefind(): Promise<Pagefind> {
  // A runtime URL: the index exists only in the built site, so Vite must not try to bundle it.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: EXCERPT_WORDS });
    await pf.init();
    return pf;
  });
  return pagefind;
}

/** A result's data, loaded once per result (checked, then shown). Per result, not per page: the excerpt
 * marks the words of the query that found it. */
const loaded = new WeakMap<PagefindResult, ReturnType<PagefindResult['data']>>();
function dataOf(r: PagefindResult): ReturnType<PagefindResult['data']> {
  let d = loaded.get(r);
  if (!d) loaded.set(r, (d = r.data()));
  return d;
}

/** The results of one query that really contain its words (see search-genuine.ts), best first. */
async function searchGenuine(pf: Pagefind, query: string, filters: Filters, limit: number): Promise<PagefindResult[]> {
  const results = ((await pf.search(query, { filters }))?.results ?? []).slice(0, limit);
  const datas = await Promise.all(results.map(dataOf));
  return results.filter((_, i) => hasEveryWord(datas[i]!.content ?? datas[i]!.excerpt, query));
}

/** Every page matching any of the queries, each once at its best score. */
async function searchAny(pf: Pagefind, queries: string[], filters: Filters, limit = MAX_RESULTS): Promise<PagefindResult[]> {
  const lists = await Promise.all(queries.map((q) => searchGenuine(pf, q, filters, limit)));
  return unionByBestScore(lists);
}

type Mode = 'all' | 'partial' | 'closest' | 'none';
type Hit = SearchHit & { partial?: boolean };
interface Outcome {
  mode: Mode;
  /** full matches first, then (marked partial) questions with some of the words */
  hits: Hit[];
  /** questions with every word */
  count: number;
  /** questions with some of the words, listed after the full matches */
  partialCount?: number;
  glossary: SearchHit[];
  /** the parts of the query that some partial match has */
  matchedParts?: string[];
}

async function find(pf: Pagefind, term: string, topic: string, topicIds: string[]): Promise<Outcome> {
  const questions: Filters = topic ? { topic } : { not: GLOSSARY };
  // Stop words ("why", "does", "the") are left out: every word of a query must be on a page.
  const parts = contentSpans(term, synonyms);
  const variants = expandSpans(parts.length ? parts : querySpans(term, synonyms), MAX_VARIANTS);
  const [found, glossaryFound] = await Promise.all([
    searchAny(pf, variants, questions),
    // A few more glossary results than shown are checked, in case some are stray matches.
    topic ? Promise.resolve([]) : searchAny(pf, variants, GLOSSARY, 2 * MAX_GLOSSARY),
  ]);
  const glossary = (await Promise.all(glossaryFound.slice(0, MAX_GLOSSARY).map(dataOf))).map(toHit);
  const full = (await Promise.all(found.slice(0, MAX_RESULTS).map(dataOf))).map(toHit);
  if (found.length >= FEW) return { mode: 'all', hits: full, count: found.length, glossary };

  // Few or no questions have every word: then also those with most of the query's parts (after the full matches).
  if (parts.length >= 2) {
    const perPart = await Promise.all(parts.map((p) => searchAny(pf, p.alternatives, questions)));
    const have = new Set(found.map((r) => r.id));
    const ranked = rankByParts(perPart).filter((m) => !have.has(m.result.id));
    if (ranked.length > 0) {
      const more = (await Promise.all(ranked.slice(0, MAX_RESULTS - full.length).map((m) => dataOf(m.result)))).map((d) => ({
        ...toHit(d),
        partial: true,
      }));
      const matched = new Set(ranked.flatMap((m) => m.parts));
      return {
        mode: full.length ? 'all' : 'partial',
        hits: [...full, ...more],
        count: found.length,
        partialCount: ranked.length,
        glossary,
        matchedParts: parts.filter((_, i) => matched.has(i)).map((p) => p.text),
      };
    }
  }
  if (full.length > 0) return { mode: 'all', hits: full, count: found.length, glossary };

  // Nothing at all: the questions whose wording is closest to what was typed (typos included).
  const everyQuestion = (await pf.search(null, { filters: topic ? { topic } : { topic: { any: topicIds } } }))?.results ?? [];
  const all = (await Promise.all(everyQuestion.map(dataOf))).map(toHit);
  // No word matched, so there is nothing to excerpt: the short answer's first sentence stands in.
  const near = closest(term, all, (h) => `${h.question} ${h.short}`).map((h) => ({ ...h, excerptHtml: '' }));
  return { mode: near.length ? 'closest' : 'none', hits: near, count: near.length, glossary };
}

function hitHtml(h: Hit): string {
  // The excerpt, with its marks, shows why the page matched; the short answer is on the page itself.
  const excerpt = h.excerptHtml.trim() ? h.excerptHtml : escapeHtml(h.short.split(/(?<=[.!?])\s/)[0] ?? '');
  const tag = h.partial ? '<span class="result-partial">Some of your words</span>' : '';
  return (
    `<li${h.partial ? ' data-partial' : ''}><a href="${escapeHtml(h.url)}"><span class="result-question">${escapeHtml(h.question)}</span>` +
    `<span class="result-excerpt">${excerpt}</span>${tag}</a></li>`
  );
}

function statusText(o: Outcome, term: string): string {
  const plural = (n: number): string => `${n} ${n === 1 ? 'question' : 'questions'}`;
  switch (o.mode) {
    case 'all':
      return o.partialCount
        ? `${plural(o.count)} matching, then ${plural(o.partialCount)} with some of your words`
        : `${plural(o.count)} matching`;
    case 'partial':
      return `No question has all of your words. Closest: ${plural(o.partialCount!)} with some of them (${o.matchedParts!.map((p) => `“${p}”`).join(', ')}).`;
    case 'closest':
      return `No question matches “${term}”. Perhaps one of these:`;
    case 'none':
      return 'No question matches.';
  }
}

export function attachSearch(dialog: HTMLDialogElement): void {
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
  input.focus();
  if (attached.has(dialog)) return;
  attached.add(dialog);
  const topic = dialog.querySelector<HTMLSelectElement>('[data-search-topic]')!;
  const list = dialog.querySelector<HTMLOListElement>('[data-search-results]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const topicIds = [...topic.options].map((o) => o.value).filter(Boolean);
  // Glossary entries get a list of their own, after the questions.
  const glossarySection = document.createElement('section');
  glossarySection.className = 'search-glossary';
  glossarySection.hidden = true;
  glossarySection.setAttribute('aria-labelledby', 'search-glossary-title');
  glossarySection.innerHTML = '<h2 id="search-glossary-title">In the glossary</h2><ul data-search-glossary></ul>';
  list.after(glossarySection);
  const glossaryList = glossarySection.querySelector('ul')!;
  let latest = 0;

  async function run(): Promise<void> {
    const ticket = ++latest;
    const term = input.value.trim();
    if (!term) {
      list.replaceChildren();
      list.removeAttribute('data-search-mode');
      list.removeAttribute('data-search-for');
      list.removeAttribute('aria-busy');
      glossaryList.replaceChildren();
      glossarySection.hidden = true;
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    let outcome: Outcome;
    try {
      const pf = await loadPagefind();
      outcome = await find(pf, term, topic.value, topicIds);
    } catch {
      if (ticket === latest) {
        list.removeAttribute('aria-busy');
        status.textContent = 'Search is unavailable: the search index was not found (is this the built site?).';
        list.dataset.searchFor = `${topic.value}|${term}`;
      }
      return;
    }
    if (ticket !== latest) return; // a newer query has started
    list.innerHTML = outcome.hits.map(hitHtml).join('');
    list.dataset.searchMode = outcome.mode;
    glossaryList.innerHTML = outcome.glossary.map(hitHtml).join('');
    glossarySection.hidden = outcome.glossary.length === 0;
    status.textContent = statusText(outcome, term);
    // What the list now shows results for (topic|words): one render per query, so a reader of the DOM (the
    // browser tests) knows the list is final for it without waiting for it to stop changing.
    list.dataset.searchFor = `${topic.value}|${term}`;
    list.removeAttribute('aria-busy');
  }

  input.addEventListener('input', () => void run());
  topic.addEventListener('change', () => void run());
  // The dialog opens before this module has loaded: words typed meanwhile fired no input event here.
  if (input.value.trim()) void run();
  // Arrow down from the input moves into the results; links are then reachable with Tab as usual.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') list.querySelector('a')?.click(); // Enter opens the first result
    if (e.key === 'ArrowDown') {
      const first = dialog.querySelector<HTMLAnchorElement>('[data-search-results] a, [data-search-glossary] a');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // Escape closes at once (in a search input it would first only clear the text).
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      dialog.close();
    }
  });
  // Up and down arrows move between results, the glossary's included.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>('[data-search-results] a, [data-search-glossary] a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    e.preventDefault();
    const next = at + (e.key === 'ArrowDown' ? 1 : -1);
    (next < 0 ? input : links[Math.min(next, links.length - 1)]!).focus();
  });
  // A click on the backdrop (outside the dialog box) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
}
