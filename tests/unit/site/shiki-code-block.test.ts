import { codeToHtml } from 'shiki';
import { describe, expect, test } from 'vitest';
import { CODE_THEMES, codeBlock } from '~/build/integrations/shiki-code-block';

const highlight = (lang: string) =>
  codeToHtml('print("hi")', {
    lang,
    themes: CODE_THEMES,
    defaultColor: false,
    transformers: [codeBlock()],
  });

describe('the code block transformer', () => {
  test('wraps the block with a language label and a copy button shown only with JavaScript', async () => {
    const html = await highlight('python');
    expect(html).toMatch(/^<div class="code-block"><span class="code-lang" aria-hidden="true">python<\/span><pre /);
    expect(html).toMatch(/<button type="button" class="copy js-only" data-copy="?"?>Copy<\/button><\/div>$/);
  });
  test('leaves no inline style on <pre> but Shiki’s colour variables', async () => {
    const style = (await highlight('python')).match(/<pre[^>]*style="([^"]*)"/)![1]!;
    expect(style).not.toMatch(/overflow/);
    for (const declaration of style.split(';').filter(Boolean)) expect(declaration).toMatch(/^--shiki-/);
  });
  test('plain text gets no language label', async () => {
    expect(await highlight('text')).not.toContain('code-lang');
  });
});
