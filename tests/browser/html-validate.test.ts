// html-validate on every built page, with the repo's .htmlvalidate.json (html-validate:recommended;
// each relaxed rule carries its reason there and in README.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { builtPages, REPO_ROOT } from './harness.ts';

const pages = builtPages();
// the repo's config, whichever folder the build is in (SITE_DIST may point outside the repo)
const config = JSON.parse(readFileSync(join(REPO_ROOT, '.htmlvalidate.json'), 'utf8'));
const validator = new HtmlValidate(new StaticConfigLoader({ ...config, root: true }));

describe('html-validate passes on the built HTML', () => {
  it.each(pages.map((p) => [p.url, p]))('%s', async (_url, p) => {
    const report = await validator.validateFile(p.path);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId} at line ${m.line}:${m.column}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`),
    );
    expect(messages, `dist/${p.file}: html-validate errors`).toEqual([]);
  });
});
