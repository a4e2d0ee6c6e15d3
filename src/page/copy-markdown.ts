// "Copy as Markdown": fetches the page's Markdown twin (same origin) and puts it on the clipboard; says so,
// or says why not, in the status next to the button. The plain link beside it works without JavaScript.
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-markdown]')) {
  const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const response = await fetch(button.dataset['src'] ?? '', { headers: { Accept: 'text/markdown' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await navigator.clipboard.writeText(await response.text());
      say('Copied.');
    } catch (err) {
      say(`Could not copy (${err instanceof Error ? err.message : String(err)}): open the Markdown link instead.`);
    } finally {
      button.disabled = false;
    }
  });
}
