// The glossary in the search index: one Pagefind record per entry (its term, other names and definition),
// at /glossary/#<id>, so that a search for a term finds its definition. Records carry the filter
// kind:glossary (the dialog lists them apart from the questions) and no topic, so a topic filter leaves them out.
import type { CustomRecord } from 'pagefind';
import { glossary, type GlossaryEntry } from '~/data/glossary';

export const GLOSSARY_KIND = 'glossary';

export function glossaryRecord(entry: GlossaryEntry): CustomRecord {
  const aka = entry.aka?.length ? ` Also called ${entry.aka.join(', ')}.` : '';
  return {
    url: `/glossary/#${entry.id}`,
    content: `${entry.term}.${aka} ${entry.definition}`,
    language: 'en',
    meta: { title: entry.term, kind: GLOSSARY_KIND },
    filters: { kind: [GLOSSARY_KIND] },
  };
}

export function glossaryRecords(entries: readonly GlossaryEntry[] = glossary): CustomRecord[] {
  return entries.map(glossaryRecord);
}
