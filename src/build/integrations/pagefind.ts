// Builds the Pagefind search index into dist/pagefind/ when `astro build` finishes, through Pagefind's
// Node API (the same route Starlight takes), so there is no second command to forget. The glossary's entries
// are added as records of their own; SEARCH_EXCLUDED keeps what is not prose out of the index and its excerpts.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { glossaryRecords } from './pagefind-glossary';
import { SEARCH_EXCLUDED } from './search-excluded';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'add-and-norm:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...SEARCH_EXCLUDED] });
        if (!index) throw new Error(`pagefind: could not create the index: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        const records = glossaryRecords();
        for (const record of records) {
          const one = await index.addCustomRecord(record);
          if (one.errors.length) throw new Error(`pagefind: glossary record ${record.url}: ${one.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages and ${records.length} glossary entries`);
        await pagefind.close();
      },
    },
  };
}
