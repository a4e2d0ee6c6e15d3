// The evidence blocks of the built site, read from dist/ (so a new block is tested without being listed),
// and the choice of which of them to run: the first block of each experiment, in page order. Blocks of one
// experiment share its code, worker and run panel, so running one per experiment exercises every
// experiment's code in the browser; the islands and security tests run the same ones.
import { attr, builtPages, elements, parsePage, rawText } from './site.ts';
import { QUICK_PARAMS } from './csp-watch.ts';

export interface BlockOnPage {
  url: string;
  id: string;
  claim: string;
  experiment: string;
  /** data-state as built (idle, or error for a block the build could not set up) */
  state: string;
  hasRunButton: boolean;
  /** the block's build-time config (script[data-config]): schema and default seed */
  config: { defaultSeed?: number } | undefined;
}

/** Every <evidence-block> in the built HTML, pages in URL order, blocks in document order. */
export function evidenceBlocks(): BlockOnPage[] {
  return builtPages().flatMap((p) =>
    elements(parsePage(p.path), (el) => el.tagName === 'evidence-block').map((el) => {
      const script = elements(el, (s) => s.tagName === 'script' && attr(s, 'data-config') !== undefined)[0];
      const text = script ? rawText(script) : '';
      return {
        url: p.url,
        id: attr(el, 'id') ?? '',
        claim: attr(el, 'data-claim') ?? '',
        experiment: attr(el, 'data-experiment') ?? '',
        state: attr(el, 'data-state') ?? '',
        hasRunButton: elements(el, (x) => x.tagName === 'button' && attr(x, 'data-run') !== undefined).length === 1,
        config: text ? (JSON.parse(text) as { defaultSeed?: number }) : undefined,
      };
    }),
  );
}

/** The first block of each experiment on the site. */
export function firstOfEachExperiment(blocks: readonly BlockOnPage[]): BlockOnPage[] {
  return blocks.filter((b, i) => blocks.findIndex((x) => x.experiment === b.experiment) === i);
}

/** The URL state that gives these blocks the quick settings of csp-watch.ts (a run of seconds). */
export function quickQuery(blocks: readonly BlockOnPage[]): URLSearchParams {
  return new URLSearchParams(
    blocks.flatMap((b) => Object.entries(QUICK_PARAMS[b.experiment] ?? {}).map(([k, v]) => [`${b.claim}.${k}`, v])),
  );
}
