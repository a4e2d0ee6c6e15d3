// The worker loads only the experiment it runs (its folder's experiment.ts, with its core, and claims.ts), not the
// registry of every experiment (~/experiments): each folder is a chunk of its own, so the code a Run downloads
// does not grow with each new experiment. Folders are named '<id>-<name>' and claim ids start with '<id>-'.
import type { Claim } from '~/lab/experiment/claim';
import { validateParams, type ParamSchema, type ParamValues } from '~/lab/experiment/schema';
import type { AnyExperiment, Json, RunOptions } from '~/lab/experiment/types';

const experimentModules = import.meta.glob<{ experiment: AnyExperiment }>('../experiments/*/experiment.ts');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const claimModules = import.meta.glob<{ claims: Claim<any>[] }>('../experiments/*/claims.ts');

/** The module loader of experiment `id`'s file ('../experiments/e3-rank-collapse/experiment.ts' for e3). */
function loaderFor<T>(modules: Record<string, () => Promise<T>>, id: string): () => Promise<T> {
  const path = Object.keys(modules).find((p) => p.split('/')[2]!.startsWith(`${id}-`));
  if (!path) throw new Error(`unknown experiment "${id}"`);
  return modules[path]!;
}

export async function loadExperiment(id: string): Promise<AnyExperiment> {
  return (await loaderFor(experimentModules, id)()).experiment;
}

/** Validates the parameters, then runs the experiment (as ~/experiments' runExperiment does). */
export async function runLoadedExperiment(id: string, input: Record<string, unknown>, options: RunOptions): Promise<Json> {
  const experiment = await loadExperiment(id);
  const result = validateParams(experiment.params, input);
  if (!result.ok) throw new Error(`experiment ${id}: ${result.errors.join('; ')}`);
  return experiment.run(result.values as ParamValues<ParamSchema>, options);
}

export async function loadClaim(claimId: string): Promise<Claim<unknown>> {
  const experimentId = claimId.split('-')[0]!;
  const { claims } = await loaderFor(claimModules, experimentId)();
  const claim = claims.find((c) => c.id === claimId);
  if (!claim) throw new Error(`unknown claim "${claimId}"; ${experimentId}'s claims: ${claims.map((c) => c.id).join(', ')}`);
  return claim;
}
