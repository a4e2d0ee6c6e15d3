// The questions collection: one MDX file per question in ./content, with the strict frontmatter schema of
// src/build/content/question-schema.ts. Every failure names the field; Astro adds the entry's file. See
// CONTRIBUTING.md for the contract.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { questionIdsIn } from '~/build/content/content-ids';
import { questionSchema } from '~/build/content/question-schema';

const CONTENT_DIR = new URL('../content/', import.meta.url);

const questions = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content' }),
  schema: questionSchema(questionIdsIn(CONTENT_DIR)),
});

export const collections = { questions };
