// The experiment registry: every experiment by id, a plain listing for the CLI (`npm run lab -- list
// --json`) and pages, and runExperiment, which validates parameters before anything runs.
import { e1 } from './e1-gradient-norms';
import { e2 } from './e2-steps-to-target';
import { e3 } from './e3-rank-collapse';
import { e4 } from './e4-merge-by-addition';
import { e5 } from './e5-lesion';
import { e6 } from './e6-teacher-forcing';
import { e7 } from './e7-label-leakage';
import { e8 } from './e8-stream-norm';
import { e9 } from './e9-attention-learns';
import { e10 } from './e10-update-ratio';
import { describeAllowed, defaultParams, validateParams, type ParamSchema, type ParamValues } from './schema';
import type { AnyExperiment, Json, RunOptions } from './types';

export const experiments: readonly AnyExperiment[] = [e1, e2, e3, e4, e5, e6, e7, e8, e9, e10];

export const experimentIds: readonly string[] = experiments.map((e) => e.id);

/** The experiment with this id; throws naming the known ids otherwise. */
export function getExperiment(id: string): AnyExperiment {
  const found = experiments.find((e) => e.id === id);
  if (!found) throw new Error(`unknown experiment "${id}"; known experiments: ${experimentIds.join(', ')}`);
  return found;
}

export interface ExperimentListing {
  id: string;
  title: string;
  question: string;
  defaultSeed: number;
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
    coreFile: `src/lab/experiments/${e.coreFile}`,
    params: listParams(e.params),
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
