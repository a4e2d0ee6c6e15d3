// "Your block vs the claims": each role (an experiment folder's block-roles.ts) runs its claim's experiment with the
// reader's block in one stock variant's place, at the claim's parameters and the run's seed, and the claim's own
// predicate decides. Only claims measured at initialization are read here: a few forward and backward passes each.
import type { BlockDefinition } from '~/lab/custom-block';
import type { LabFacade } from '~/lab/facade';
import type { BlockRole } from '~/lab/experiment/block-role';
import type { Claim } from '~/lab/experiment/claim';
import type { AnyExperiment, RunOptions } from '~/lab/experiment/types';
import { validateParams } from '~/lab/experiment/schema';
import { experiment as e1 } from '~/experiments/e1-gradient-norms/experiment';
import { claims as e1Claims } from '~/experiments/e1-gradient-norms/claims';
import { blockRoles as e1Roles } from '~/experiments/e1-gradient-norms/block-roles';
import { experiment as e8 } from '~/experiments/e8-stream-norm/experiment';
import { claims as e8Claims } from '~/experiments/e8-stream-norm/claims';
import { blockRoles as e8Roles } from '~/experiments/e8-stream-norm/block-roles';

interface RoleSource {
  experiment: AnyExperiment;
  claims: Claim<never>[];
  roles: BlockRole[];
}

const SOURCES: RoleSource[] = [
  { experiment: e1, claims: e1Claims as Claim<never>[], roles: e1Roles },
  { experiment: e8, claims: e8Claims as Claim<never>[], roles: e8Roles },
];

export interface Verdict {
  claim: string;
  /** The claim's sentence, as its pages show it. */
  statement: string;
  question: string;
  /** The stock variant the reader's block stood in for. */
  slotName: string;
  holds: boolean;
  /** The predicate's numbers; where they name slotName, that is the reader's block. */
  detail: string;
}

/** Every role, with its claim and experiment (checked: an unknown claim id or a mean-over-seeds claim is an error). */
export function blockRoles(): { role: BlockRole; claim: Claim<never>; experiment: AnyExperiment }[] {
  return SOURCES.flatMap(({ experiment, claims, roles }) =>
    roles.map((role) => {
      const claim = claims.find((c) => c.id === role.claim);
      if (!claim) throw new Error(`block role: ${experiment.id} has no claim '${role.claim}'`);
      if (claim.mode !== 'each-seed') throw new Error(`block role: claim '${role.claim}' is not an each-seed claim`);
      return { role, claim, experiment };
    }),
  );
}

/** The lab with `block` built wherever a core asks for the slot's connection and norm. */
export function withBlockIn(lab: LabFacade, slot: BlockRole['slot'], block: BlockDefinition): LabFacade {
  return {
    ...lab,
    model: (task, options) =>
      options.connection === slot.connection && options.norm === slot.norm
        ? lab.model(task, { ...options, block })
        : lab.model(task, options),
  };
}

/** What one block lab run has measured: results by key, and a number for each block (its part of a key). */
export interface MemoCache {
  results: Map<string, unknown>;
  blocks: Map<BlockDefinition, number>;
}
export const newMemoCache = (): MemoCache => ({ results: new Map(), blocks: new Map() });

/** The instruments E1's and E8's cores call: on the same model options, task and batch, the same numbers. */
const MEMOIZED = ['gradientNorms', 'streamGradients', 'probe'] as const;
/** Model options a custom block makes unused (model.ts): a block's model does not depend on them. */
const WRAPPER_FIELDS = ['connection', 'concatInit', 'norm', 'normKind', 'branchScale', 'rezero', 'finalNorm'];

/**
 * The lab with each model's measurements computed once per block lab run (`cache` is shared by the run): each role
 * re-runs a whole experiment, and between the runs only the slot changes, so most models recur, the reader's block
 * included (its key drops the wrapper options it makes unused). Keyed by task, model options, block and the
 * instrument's options; results are copied out, so no caller can change what another reads.
 */
export function withMemo(lab: LabFacade, cache: MemoCache): LabFacade {
  const keys = new WeakMap<object, string>();
  const tasks = new Set<object>();
  const blockId = (b: BlockDefinition) => {
    if (!cache.blocks.has(b)) cache.blocks.set(b, cache.blocks.size + 1);
    return cache.blocks.get(b)!;
  };
  const memo: LabFacade = {
    ...lab,
    task: (id) => {
      const task = lab.task(id);
      tasks.add(task);
      return task;
    },
    model: (task, options) => {
      const model = lab.model(task, options);
      const { block, ...rest } = options;
      const used = block ? Object.fromEntries(Object.entries(rest).filter(([k]) => !WRAPPER_FIELDS.includes(k))) : rest;
      const sorted = Object.fromEntries(Object.entries(used).sort(([a], [b]) => a.localeCompare(b)));
      if (tasks.has(task)) keys.set(model, JSON.stringify([task.id, sorted, block ? blockId(block) : 0]));
      return model;
    },
  };
  for (const name of MEMOIZED) {
    const measure = lab[name] as (...args: unknown[]) => unknown;
    Object.assign(memo, {
      [name]: (model: object, task: object, o: Record<string, unknown>) => {
        const key = keys.get(model);
        if (key === undefined) return measure(model, task, o);
        const at = `${name} ${key} ${JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)))}`;
        if (!cache.results.has(at)) cache.results.set(at, measure(model, task, o));
        return structuredClone(cache.results.get(at));
      },
    });
  }
  return memo;
}

/** Each role's verdict on the block, in order; onVerdict sees each as it comes (for the page's live list). */
export async function blockVerdicts(
  block: BlockDefinition,
  options: Omit<RunOptions, 'adaptLab' | 'onProgress'> & { cache?: MemoCache },
  onVerdict?: (v: Verdict, index: number, total: number) => void,
): Promise<Verdict[]> {
  const all = blockRoles();
  const verdicts: Verdict[] = [];
  const { cache = newMemoCache(), ...runOptions } = options;
  for (const { role, claim, experiment } of all) {
    const checked = validateParams(experiment.params, { ...claim.params, ...role.skip });
    if (!checked.ok) throw new Error(`block role for ${claim.id}: ${checked.errors.join('; ')}`);
    const measurements = await experiment.run(checked.values, {
      ...runOptions,
      adaptLab: (lab) => withBlockIn(withMemo(lab, cache), role.slot, block),
    });
    if (claim.mode !== 'each-seed') continue; // blockRoles() has refused it already
    const { holds, detail } = claim.predicate(measurements as never);
    const verdict = { claim: claim.id, statement: claim.statement, question: role.question, slotName: role.slotName, holds, detail };
    verdicts.push(verdict);
    onVerdict?.(verdict, verdicts.length, all.length);
  }
  return verdicts;
}
