// The search dialog's behaviour, loaded on first open: Pagefind's JS API (from the built site's /pagefind/),
// a topic filter, and results that show the question, its short answer and the matched words.
import { escapeHtml, toHit, type PagefindResultData } from './search-results';

interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

// Each shown result costs one fragment request; 20 covers every question the site has today, so no match is hidden.
const MAX_RESULTS = 20;
let pagefind: Promise<Pagefind> | undefined;
const attached = new WeakSet<HTMLDialogElement>();

function loadPagefind(): Promise<Pagefind> {
  // A runtime URL: the index exists only in the built site, so Vite must not try to bundle it.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    await pf.init();
    return pf;
  });
  return pagefind;
}

export function attachSearch(dialog: HTMLDialogElement): void {
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
  input.focus();
  if (attached.has(dialog)) return;
  attached.add(dialog);
  const topic = dialog.querySelector<HTMLSelectElement>('[data-search-topic]')!;
  const list = dialog.querySelector<HTMLOListElement>('[data-search-results]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  let latest = 0;

  async function run(): Promise<void> {
    const ticket = ++latest;
    const term = input.value.trim();
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let found: PagefindResult[];
    try {
      const pf = await loadPagefind();
      const filters = topic.value ? { topic: topic.value } : undefined;
      found = (await pf.search(term, { filters }))?.results ?? [];
    } catch {
      status.textContent = 'Search is unavailable: the search index was not found (is this the built site?).';
      return;
    }
    const hits = (await Promise.all(found.slice(0, MAX_RESULTS).map((r) => r.data()))).map(toHit);
    if (ticket !== latest) return; // a newer query has started
    list.innerHTML = hits
      .map(
        (h) =>
          `<li><a href="${escapeHtml(h.url)}"><span class="result-question">${escapeHtml(h.question)}</span>` +
          `<span class="result-short">${escapeHtml(h.short)}</span>` +
          `<span class="result-excerpt">${h.excerptHtml}</span></a></li>`,
      )
      .join('');
    status.textContent = hits.length
      ? `${found.length} matching ${found.length === 1 ? 'question' : 'questions'}`
      : 'No question matches.';
  }

  input.addEventListener('input', () => void run());
  topic.addEventListener('change', () => void run());
  // Arrow down from the input moves into the results; links are then reachable with Tab as usual.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') list.querySelector('a')?.click(); // Enter opens the first result
    if (e.key === 'ArrowDown') {
      const first = list.querySelector('a');
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
  // Up and down arrows move between results.
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll('a')];
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
