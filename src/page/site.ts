// The only JavaScript a page loads before interaction: the theme switch, the search opener (search itself is
// a separate chunk imported on first open) and code copy buttons. Kept tiny on purpose.
import './copy-markdown'; // "Copy as Markdown" on question pages (components/site/MarkdownLink.astro)
const root = document.documentElement;
const THEME_KEY = 'theme';
type Theme = 'light' | 'dark';

function storedTheme(): Theme | null {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : null;
  } catch {
    return null;
  }
}

const systemDark = matchMedia('(prefers-color-scheme: dark)');

function applyTheme(theme: Theme): void {
  root.setAttribute('data-theme', theme);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

applyTheme(storedTheme() ?? (systemDark.matches ? 'dark' : 'light'));
// With no stored choice the system preference keeps ruling, also when it changes.
systemDark.addEventListener('change', (e) => {
  if (!storedTheme()) applyTheme(e.matches ? 'dark' : 'light');
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('[data-theme-toggle]')) {
    const next: Theme = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      /* private mode: the switch still works for this page */
    }
    applyTheme(next);
  } else if (target?.closest('[data-search-open]')) {
    void openSearch();
  } else {
    const copy = target?.closest<HTMLButtonElement>('[data-copy]');
    if (copy) void copyCode(copy);
  }
});

document.addEventListener('keydown', (event) => {
  const el = event.target instanceof HTMLElement ? event.target : null;
  const typing = !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const modK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
  if (modK || (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey)) {
    event.preventDefault();
    void openSearch();
  }
});

async function openSearch(): Promise<void> {
  const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search]');
  if (!dialog) return;
  if (!dialog.open) dialog.showModal();
  // Search's own code (and Pagefind's) loads only now, on first open.
  const { attachSearch } = await import('./search');
  attachSearch(dialog);
}

async function copyCode(button: HTMLButtonElement): Promise<void> {
  const code = button.closest('.code-block')?.querySelector('pre')?.innerText ?? '';
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(code.replace(/\n$/, ''));
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed';
  }
  setTimeout(() => (button.textContent = label), 1500);
}

// The offline copy (Workbox, dist/sw.js, see src/build/integrations/service-worker.ts), registered only once the page has
// loaded so it never competes with it; not in `astro dev`, which has no sw.js.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => {}));
}
