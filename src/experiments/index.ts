// The registries, built from the folders: every `src/experiments/<id>-<name>/` holds one experiment
// (experiment.ts exporting `experiment`) and its claims (claims.ts exporting `claims`), so a new experiment is
// a new folder and nothing else. import.meta.glob works in Vite (site build, Vitest, the worker) and in the
// Node scripts, which run through Vite's module runner (scripts/vite-run.mjs).
import type { Claim } from '~/lab/experiment/claim';
import { describeAllowed, defaultParams, validateParams, type ParamSchema, type ParamValues } from '~/lab/experiment/schema';
import type { AnyExperiment, Json, RunOptions } from '~/lab/experiment/types';

export type { Claim, Outcome } from '~/lab/experiment/claim';

const experimentModules = import.meta.glob<{ experiment: AnyExperiment }>('./*/experiment.ts', { eager: true });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const claimModules = import.meta.glob<{ claims: Claim<any>[] }>('./*/claims.ts', { eager: true });

/** './e3-rank-collapse/experiment.ts' → 'e3-rank-collapse'. */
export const folderOf = (path: string): string => path.split('/')[1]!;
const numberOf = (id: string) => Number(id.replace(/^\D+/, ''));

function loadExperiments(): AnyExperiment[] {
  const out: AnyExperiment[] = [];
  for (const [path, mod] of Object.entries(experimentModules)) {
    const folder = folderOf(path);
    const exp = mod.experiment;
    if (!exp) throw new Error(`src/experiments/${folder}/experiment.ts must export \`experiment\``);
    if (!folder.startsWith(`${exp.id}-`))
      throw new Error(`src/experiments/${folder}: the folder must be named "${exp.id}-<name>" after its experiment id "${exp.id}"`);
    out.push(exp);
  }
  return out.sort((a, b) => numberOf(a.id) - numberOf(b.id));
}

export const experiments: readonly AnyExperiment[] = loadExperiments();
export const experimentIds: readonly string[] = experiments.map((e) => e.id);
const folders = new Map(Object.keys(experimentModules).map((p) => [experimentModules[p]!.experiment.id, folderOf(p)]));

/** The experiment with this id; throws naming the known ids otherwise. */
export function getExperiment(id: string): AnyExperiment {
  const found = experiments.find((e) => e.id === id);
  if (!found) throw new Error(`unknown experiment "${id}"; known experiments: ${experimentIds.join(', ')}`);
  return found;
}

/** The folder that holds everything about an experiment, e.g. "src/experiments/e3-rank-collapse". */
export function folderFor(experimentId: string): string {
  getExperiment(experimentId);
  return `src/experiments/${folders.get(experimentId)}`;
}

/** The file of an experiment's core, the plain JavaScript the page shows and the editor re-runs. */
export const coreFileFor = (experimentId: string): string => `${folderFor(experimentId)}/core.js`;

function loadClaims(): Claim<unknown>[] {
  const out: Claim<unknown>[] = [];
  for (const [path, mod] of Object.entries(claimModules)) {
    const folder = folderOf(path);
    if (!Array.isArray(mod.claims)) throw new Error(`src/experiments/${folder}/claims.ts must export \`claims\` (an array)`);
    for (const claim of mod.claims) {
      if (!folder.startsWith(`${claim.experiment}-`))
        throw new Error(
          `src/experiments/${folder}/claims.ts: claim "${claim.id}" names experiment "${claim.experiment}", not this folder's`,
        );
      if (out.some((c) => c.id === claim.id)) throw new Error(`src/experiments/${folder}/claims.ts: claim id "${claim.id}" is used twice`);
      out.push(claim);
    }
  }
  return out.sort((a, b) => numberOf(a.experiment) - numberOf(b.experiment));
}

export const claims: readonly Claim<unknown>[] = loadClaims();

/** The claim with this id; throws naming the known ids otherwise. */
export function getClaim(id: string): Claim<unknown> {
  const found = claims.find((c) => c.id === id);
  if (!found) throw new Error(`unknown claim "${id}"; known claims: ${claims.map((c) => c.id).join(', ')}`);
  return found;
}

export function claimsFor(experimentId: string): Claim<unknown>[] {
  return claims.filter((c) => c.experiment === experimentId);
}

/** The test file that checks a claim (one file per experiment, so runs are shared within it, unless the claim has its own). */
export function testFileFor(claim: Pick<Claim, 'experiment' | 'testFile'>): string {
  return `${folderFor(claim.experiment)}/${claim.testFile ? `claims-${claim.testFile}` : 'claims'}.test.ts`;
}

export interface ExperimentListing {
  id: string;
  title: string;
  question: string;
  defaultSeed: number;
  folder: string;
  coreFile: string;
  params: { name: string; type: string; label: string; default: Json; allowed: string; unit?: string }[];
}

function listParams(schema: ParamSchema): ExperimentListing['params'] {
  return Object.entries(schema).map(([name, spec]) => ({
    name,
    type: spec.type,
    label: spec.label,
    default: (Array.isArray(spec.default) ? [...spec.default] : spec.default) as Json,
    allowed: describeAllowed(spec),
    ...('unit' in spec && spec.unit ? { unit: spec.unit } : {}),
  }));
}

/** Plain data about every experiment (no functions), e.g. for `npm run lab -- list --json`. */
export function listExperiments(): ExperimentListing[] {
  return experiments.map((e) => ({
    id: e.id,
    title: e.title,
    question: e.question,
    defaultSeed: e.defaultSeed,
    folder: folderFor(e.id),
    coreFile: coreFileFor(e.id),
    params: listParams(e.params),
  }));
}

export interface ClaimListing {
  id: string;
  statement: string;
  experiment: string;
  params: Record<string, unknown>;
  seeds: number[];
  mode: Claim['mode'];
  testFile: string;
}

/** Plain data about every claim (no functions), e.g. for `npm run lab -- list --json`. */
export function listClaims(): ClaimListing[] {
  return claims.map((c) => ({
    id: c.id,
    statement: c.statement,
    experiment: c.experiment,
    params: c.params,
    seeds: [...c.seeds],
    mode: c.mode,
    testFile: testFileFor(c),
  }));
}

/** The validated parameters of a run: defaults filled in; throws one message naming each bad parameter. */
export function resolveParams(id: string, input: Record<string, unknown> = {}): Record<string, Json> {
  const exp = getExperiment(id);
  const result = validateParams(exp.params, input);
  if (!result.ok) throw new Error(`experiment ${id}: ${result.errors.join('; ')}`);
  return result.values as Record<string, Json>;
}

export function defaultsOf(id: string): Record<string, Json> {
  return defaultParams(getExperiment(id).params) as Record<string, Json>;
}

/** Validates the parameters, then runs the experiment. */
export async function runExperiment(id: string, input: Record<string, unknown>, options: RunOptions): Promise<Json> {
  const params = resolveParams(id, input);
  return getExperiment(id).run(params as ParamValues<ParamSchema>, options);
}
