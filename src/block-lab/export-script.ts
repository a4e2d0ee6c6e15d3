// The island's "Export": the reader's block module as a standalone ES module that runs it with @tensorflow/tfjs in
// Node or a page (the header comment of the generated file says how). The generated file is the block verbatim, a
// CONFIG line, then the harness (export-harness.js, a fragment read as text: a small decoder-only Transformer around
// the block, the measurements at initialization and a short Adam training). Pure: no DOM, no tf import here.
// The page itself never imports @tensorflow/tfjs (only the modular tfjs-core and backends): the exported file does.
import harness from './export-harness.js?raw';

export interface ExportOptions {
  /** The file's name without '.mjs', e.g. the preset id (default 'my-block'). */
  name?: string;
  /** Seed of the initialization and of the toy task's data (default 1). */
  seed?: number;
  /** Number of decoder layers N (default 4). */
  layers?: number;
  /** Model width d (default 32). */
  d?: number;
  /** Adam steps of the short training (default 30). */
  steps?: number;
}

/** The @tensorflow/tfjs version the script is written for: the one package.json pins (and tfjs-core's). */
export const TFJS_VERSION = '4.22.0';

/** The top-level names the harness declares: a block declaring one of them would not load (a duplicate declaration). */
export const HARNESS_NAMES: readonly string[] = [
  'tf',
  'CONFIG',
  ...[...harness.matchAll(/^(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!),
];

/** Top-level (unindented) declarations of the block source that the harness also declares. */
function clashes(source: string): string[] {
  const declared = [...source.matchAll(/^(?:export\s+)?(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)];
  return [...new Set(declared.map((m) => m[1]!).filter((n) => HARNESS_NAMES.includes(n)))];
}

function positiveInteger(label: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`exportScript: ${label} must be a positive integer, got ${value}`);
  return value;
}

/**
 * The text of a standalone ES module (.mjs) running the block module `source` (its text as the page shows it).
 * Throws if an option is invalid or the block declares a top-level name the harness uses (the message names it).
 */
export function exportScript(source: string, options: ExportOptions = {}): string {
  const name = (options.name ?? 'my-block').replace(/[^\w.-]+/g, '-') || 'my-block';
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`exportScript: seed must be a non-negative integer, got ${seed}`);
  const nLayers = positiveInteger('layers', options.layers ?? 4);
  const d = positiveInteger('d', options.d ?? 32);
  const steps = positiveInteger('steps', options.steps ?? 30);
  const clash = clashes(source);
  if (clash.length > 0)
    throw new Error(
      `the block declares ${clash.map((n) => `'${n}'`).join(', ')}, a name the exported script also uses: rename it in the block to export`,
    );
  const block = source.replace(/^\s*\/\/\s*@ts-check[^\n]*\n/, '').trimEnd();
  const config = { name, seed, nLayers, d, vocab: 10, len: 6, batch: 8, steps, learningRate: 0.01 };
  return [
    `// ${name}.mjs: an Add & Norm block, run outside the page with @tensorflow/tfjs (exported from "Write your own Add & Norm").`,
    `// It wraps each sublayer of a small decoder-only Transformer (token and learned position embeddings, N layers of causal`,
    `// self-attention then a ReLU feed-forward) in the block below, and on a seeded toy task (reverse a random sequence) prints`,
    `// JSON lines: at initialization the stream's norm and the loss gradient's norm ‖∂L/∂x‖ after the embedding and after each`,
    `// layer, then the loss during ${config.steps} Adam steps. It stops with an error (exit code 1 in Node) naming the problem if the`,
    `// block throws, returns the wrong shape or makes the loss non-finite. Seed, depth, width and steps: CONFIG, below the block.`,
    `//`,
    `// In Node (20 or later), in an empty folder with this file:`,
    `//   npm install @tensorflow/tfjs@${TFJS_VERSION} && node ${name}.mjs`,
    `// In a page served over http(s), with an import map pointing @tensorflow/tfjs at a CDN build (output in the console):`,
    `//   <script type="importmap">{ "imports": { "@tensorflow/tfjs": "https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@${TFJS_VERSION}/dist/tf.fesm.min.js" } }</script>`,
    `//   <script type="module" src="${name}.mjs"></script>`,
    `import * as tf from '@tensorflow/tfjs';`,
    ``,
    `// ---- the block ----`,
    block,
    `// ---- end of the block ----`,
    ``,
    `const CONFIG = { ${Object.entries(config)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join(', ')} };`,
    ``,
    harness.trimEnd(),
    ``,
  ].join('\n');
}
