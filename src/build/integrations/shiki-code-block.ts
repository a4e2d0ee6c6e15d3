// A Shiki transformer for fenced code: wrap each block in .code-block with a language label and a copy button
// (shown only with JavaScript; the site script handles the click), and drop Shiki's inline overflow style
// (the stylesheet does it, and html-validate rejects inline styles other than colour variables).
import type { ShikiTransformer } from 'shiki';

/** The two themes of every code block (Markdown fences in astro.config.mjs and <SourceCode>), picked by light-dark() in CSS;
 * GitHub's "default" pair, whose token colours all reach 4.5:1 (github-light's orange parameters do not: 3.5:1). */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

export function codeBlock(): ShikiTransformer {
  return {
    name: 'add-and-norm:code-block',
    pre(node) {
      const style = node.properties['style'];
      if (typeof style === 'string') node.properties['style'] = style.replace(/;?\s*overflow-x\s*:\s*auto\s*/, '');
    },
    root(root) {
      const lang = this.options.lang;
      const label =
        lang && lang !== 'plaintext' && lang !== 'text'
          ? [
              {
                type: 'element' as const,
                tagName: 'span',
                properties: { class: 'code-lang', 'aria-hidden': 'true' },
                children: [{ type: 'text' as const, value: lang }],
              },
            ]
          : [];
      const button = {
        type: 'element' as const,
        tagName: 'button',
        properties: { type: 'button', class: 'copy js-only', 'data-copy': '' },
        children: [{ type: 'text' as const, value: 'Copy' }],
      };
      root.children = [
        {
          type: 'element',
          tagName: 'div',
          properties: { class: 'code-block' },
          children: [...label, ...(root.children as never[]), button],
        },
      ];
    },
  };
}
