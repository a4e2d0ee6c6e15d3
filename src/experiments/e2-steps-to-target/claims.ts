// Claims measured by E2 (steps to a target loss, the cost of a step, warmup).
import type { E2Measurements } from './experiment';
import { fmt } from '~/lab/experiment/format';
import type { Claim } from '~/lab/experiment/claim';

type Run = E2Measurements['runs'][number];
/** The five variants at the base learning rate come first, in this order. */
const base = (m: E2Measurements, variant: string): Run => m.runs.slice(0, 5).find((r) => r.variant === variant)!;
const high = (m: E2Measurements, variant: string, warmup: boolean): Run =>
  m.runs.slice(5).find((r) => r.variant === variant && (r.warmupSteps > 0) === warmup)!;
const steps = (r: Run) => (r.stepsToTarget === null ? 'not reached' : `${r.stepsToTarget} steps`);

export const claims: Claim<E2Measurements>[] = [
  {
    id: 'e2-add-and-norm-trains',
    statement:
      'At 6 layers, models with both the residual and the norm reach the target loss within the step budget; models missing either do not.',
    experiment: 'e2',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      const both = ['post-ln', 'pre-ln'].map((v) => base(m, v));
      const missing = ['residual-no-norm', 'norm-no-residual', 'neither'].map((v) => base(m, v));
      return {
        holds: both.every((r) => r.stepsToTarget !== null) && missing.every((r) => r.stepsToTarget === null),
        detail: `to loss ${fmt(m.targetLoss)} within ${m.steps} steps: ${[...both, ...missing].map((r) => `${r.variant} ${steps(r)}`).join(', ')}`,
      };
    },
  },
  {
    id: 'e2-fewer-steps-not-cheaper-steps',
    statement:
      'The add and the norm add operations to every training step, so a step costs more, not less: Add & Norm speeds training by cutting the number of steps, not the cost of a step.',
    experiment: 'e2',
    params: {},
    seeds: [1, 2, 3],
    mode: 'each-seed',
    predicate(m) {
      // Kernels per step, not milliseconds: a test never asserts wall-clock time (E2 reports that too).
      const ops = m.opsPerStep;
      const extra = (v: string) => ops[v]! / ops['neither']!;
      const costlier = ['post-ln', 'pre-ln'].every((v) => extra(v) > 1);
      const fewer = ['post-ln', 'pre-ln'].every((v) => base(m, v).stepsToTarget !== null) && base(m, 'neither').stepsToTarget === null;
      return {
        holds: costlier && fewer,
        detail: `operations per forward + backward pass: post-ln ${ops['post-ln']}, pre-ln ${ops['pre-ln']}, neither ${ops['neither']} (Add & Norm must cost more); steps to loss ${fmt(m.targetLoss)}: post-ln ${steps(base(m, 'post-ln'))}, pre-ln ${steps(base(m, 'pre-ln'))}, neither ${steps(base(m, 'neither'))}`,
      };
    },
  },
  {
    id: 'e2-postln-needs-warmup',
    statement:
      'At the highest learning rate of the grid, Post-LN without warmup fails to reach the target where Post-LN with warmup or Pre-LN succeeds (on most seeds).',
    experiment: 'e2',
    params: {},
    seeds: [1, 2, 3],
    mode: 'mean-over-seeds',
    predicate(runs) {
      // The share of seeds on which each run reaches the target.
      const rate = (pick: (m: E2Measurements) => Run) => runs.filter((m) => pick(m).stepsToTarget !== null).length / runs.length;
      const cold = rate((m) => high(m, 'post-ln', false));
      const warm = rate((m) => high(m, 'post-ln', true));
      const pre = rate((m) => high(m, 'pre-ln', false));
      return {
        holds: cold < 0.5 && warm > 0.5 && pre > 0.5,
        detail: `share of seeds reaching loss ${fmt(runs[0]!.targetLoss)} at learning rate ${fmt(runs[0]!.highLr)}: Post-LN without warmup ${fmt(cold)} (must be < 0.5), with ${runs[0]!.warmupSteps} warmup steps ${fmt(warm)}, Pre-LN without warmup ${fmt(pre)} (each must be > 0.5)`,
      };
    },
  },
];
