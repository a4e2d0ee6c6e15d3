// /llms.txt (the llmstxt.org layout: a title, a summary, then sections of links) and /llms-full.txt (the same
// header followed by every Markdown twin), built from the published questions.
import { SITE_NAME, SITE_SUMMARY } from '~/data/site';
import { markdownUrlOf, questionMarkdown, type QuestionFacts } from './question-markdown';

const abs = (site: string | URL, path: string) => new URL(path, site).href;

function header(): string[] {
  return [
    `# ${SITE_NAME}`,
    `> ${SITE_SUMMARY}`,
    'Each answer starts with a short answer, then explains, cites papers by arXiv id, and backs every measured sentence with an experiment (TensorFlow.js) whose stored run, checks over seeds and larger scales, and result are shown. Each question page has a Markdown twin at the same address with `.md` instead of the trailing slash.',
    '## Questions',
  ];
}

export function llmsTxt(questions: readonly QuestionFacts[], site: string | URL): string {
  const list = questions.map((q) => `- [${q.question}](${markdownUrlOf(site, q.id)}): ${q.short}`).join('\n');
  const optional = [
    `- [Every answer in one file](${abs(site, '/llms-full.txt')}): all the Markdown twins, in reading order`,
    `- [Claims as data](${abs(site, '/claims.json')}): every measured claim with its parameters, seeds, stored measurements and verdict ([JSON Schema](${abs(site, '/claims.schema.json')}))`,
    `- [Feed](${abs(site, '/feed.xml')}): new and updated answers`,
  ].join('\n');
  return `${[...header(), list, '## Optional', optional].join('\n\n')}\n`;
}

export function llmsFullTxt(questions: readonly QuestionFacts[], site: string | URL): string {
  const head = header().slice(0, 3).join('\n\n');
  return `${[head, ...questions.map((q) => questionMarkdown(q, site).trim())].join('\n\n---\n\n')}\n`;
}
