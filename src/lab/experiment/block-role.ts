// A claim read on a reader's own block (the block lab, src/block-lab/): the claim's experiment runs with the reader's
// block built in place of one stock variant (the slot), and the claim's predicate reads the result as it reads that
// variant. Nothing is written per block: the role says which variant the block stands in for and what "holds" means.
import type { ModelOptions } from '../train-to-target';

export interface BlockRole {
  /** The claim whose predicate decides (an each-seed claim: one run of the reader's block). */
  claim: string;
  /** The stock variant the reader's block replaces: every model the core builds with this connection and norm. */
  slot: Required<Pick<ModelOptions, 'connection' | 'norm'>>;
  /** That variant's name as the claim's detail names it ("neither residual nor norm"): there, it is the reader's block. */
  slotName: string;
  /** What the predicate holding says of the block, as a question the verdict answers yes (holds) or no. */
  question: string;
  /** Parameters the predicate does not read, set only to save time (e.g. E1's depth sweep); the claim's own are kept. */
  skip?: Record<string, unknown>;
}
