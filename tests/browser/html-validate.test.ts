// html-validate on every built page, with the repo's .htmlvalidate.json (html-validate:recommended;
// each relaxed rule carries its reason there and in README.md).
import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { builtPages } from './harness.ts';

const pages = builtPages();
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('html-validate passes on the built HTML', () => {
  it.each(pages.map((p) => [p.url, p]))('%s', async (_url, p) => {
    const report = await validator.validateFile(p.path);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId} at line ${m.line}:${m.column}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`),
    );
    expect(messages, `dist/${p.file}: html-validate errors`).toEqual([]);
  });
});
