// The frontmatter schema of a question file, as a pure function of the existing question ids, so each rule
// is unit-tested with safeParse and the content config (src/content.config.ts) builds with the same schema.
import { z } from 'astro/zod';
import { isPaperKey, PAPER_KEYS } from '~/data/papers';
import { TOPIC_IDS } from '~/data/topics';
import { countSentences } from './sentences';

export const SHORT_MAX_CHARS = 480;

const paperKey = z.string().refine(isPaperKey, {
  error: (issue) =>
    `unknown citation key "${String(issue.input)}": add it to src/data/papers.ts (known: ${PAPER_KEYS.join(', ')})`,
});

/** "required" when the field is missing, the default Zod message otherwise. */
const required = (field: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `${field} is required` : undefined),
});

/** The schema; `questionIds` are the ids (file names) of content/*.mdx, which `related` must name. */
export function questionSchema(questionIds: ReadonlySet<string>) {
  return z
      .object({
        question: z.string(required('question')).trim().min(10).endsWith('?', { error: 'a question ends with "?"' }),
        short: z
          .string(required('short'))
          .trim()
          .max(SHORT_MAX_CHARS, { error: `at most ${SHORT_MAX_CHARS} characters` })
          .refine((s) => !/[<>*_`[\]]/.test(s), { error: 'plain text only: no Markdown or HTML' })
          .refine(
            (s) => {
              const n = countSentences(s);
              return n >= 2 && n <= 4;
            },
            { error: (issue) => `2–4 sentences, found ${countSentences(String(issue.input))}` },
          ),
        topics: z
          .array(z.enum(TOPIC_IDS, { error: (issue) => `unknown topic "${String(issue.input)}" (known: ${TOPIC_IDS.join(', ')})` }))
          .min(1, { error: 'at least one topic' }),
        related: z.array(z.string()).default([]),
        cites: z.array(paperKey).default([]),
        order: z.number(required('order')).int().positive(),
        created: z.coerce.date(required('created')),
        updated: z.coerce.date(required('updated')),
        draft: z.boolean().optional(),
      })
      // Unknown keys fail; Astro reports them as `Unrecognized key: "<field>"`.
      .strict()
      .superRefine((d, ctx) => {
        if (d.updated < d.created) ctx.addIssue({ code: 'custom', path: ['updated'], message: 'updated is before created' });
        // A draft may point at questions not written yet (drafts are not built); a published page may not.
        if (d.draft) return;
        d.related.forEach((id, i) => {
          if (!questionIds.has(id)) {
            ctx.addIssue({ code: 'custom', path: ['related', i], message: `no question "${id}": there is no content/${id}.mdx` });
          }
        });
      });
}
