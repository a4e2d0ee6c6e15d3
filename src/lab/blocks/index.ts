// The preset blocks: each a plain-JS module in this folder (its file name is its id), imported as a module to run
// and as text to show or edit. A new preset is a new file and nothing else.
import { toBlockDefinition, type BlockDefinition } from '../custom-block';

const modules = import.meta.glob<Record<string, unknown>>('./*.js', { eager: true });
const sources = import.meta.glob<string>('./*.js', { eager: true, query: '?raw', import: 'default' });

const idOf = (path: string) => path.slice(2, -3); // './pre-ln.js' → 'pre-ln'

/** The presets in the order a menu shows them. */
export const BLOCK_PRESET_IDS = [
  'post-ln',
  'pre-ln',
  'no-norm',
  'no-residual',
  'rezero',
  'deepnorm',
  'sandwich-ln',
  'rmsnorm',
  'scaled-residual',
] as const;
export type BlockPresetId = (typeof BLOCK_PRESET_IDS)[number];

/** What a menu calls each preset: the wrapper as a formula. */
export const BLOCK_PRESET_LABELS: Record<BlockPresetId, string> = {
  'post-ln': 'Post-LN: LN(x + F(x))',
  'pre-ln': 'Pre-LN: x + F(LN(x))',
  'no-norm': 'No norm: x + F(x)',
  'no-residual': 'No residual: LN(F(x))',
  rezero: 'ReZero: x + α·F(x), α = 0 at init',
  deepnorm: 'DeepNorm: LN(α·x + F(x)), β-scaled init',
  'sandwich-ln': 'Sandwich-LN: x + LN(F(LN(x)))',
  rmsnorm: 'Pre-RMSNorm: x + F(RMSNorm(x))',
  'scaled-residual': 'Scaled residual: x + F(x)/√(2N)',
};

const byId = new Map(Object.entries(modules).map(([path, mod]) => [idOf(path), toBlockDefinition(mod, `preset ${idOf(path)}`)]));
const sourceById = new Map(Object.entries(sources).map(([path, text]) => [idOf(path), text]));
for (const id of byId.keys())
  if (!(BLOCK_PRESET_IDS as readonly string[]).includes(id)) throw new Error(`src/lab/blocks/${id}.js is not listed in BLOCK_PRESET_IDS`);

/** A preset's block definition. */
export function presetBlock(id: BlockPresetId): BlockDefinition {
  const def = byId.get(id);
  if (!def) throw new Error(`no block preset '${id}'; presets: ${BLOCK_PRESET_IDS.join(', ')}`);
  return def;
}

/** A preset's source text, as the page shows it and loadBlockSource runs it. */
export function presetSource(id: BlockPresetId): string {
  const text = sourceById.get(id);
  if (text === undefined) throw new Error(`no block preset '${id}'; presets: ${BLOCK_PRESET_IDS.join(', ')}`);
  return text;
}
