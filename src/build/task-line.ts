// The toy task of an experiment in one line with an example, for its evidence box: read from the core's
// own `lab.task('…')` calls and drawn from the task itself, so the line cannot drift from what runs.
import { makeRng } from '~/lab/rng';
import { makeTask, taskIds, type TaskId } from '~/lab/tasks';

/** The task ids a core uses, in order of first use. */
export function tasksOfCore(source: string): TaskId[] {
  const found = [...source.matchAll(/lab\.task\(\s*['"]([\w-]+)['"]\s*\)/g)].map((m) => m[1] as TaskId);
  return [...new Set(found)].filter((id) => taskIds.includes(id));
}

/** e.g. "reverse 6 symbols of 8, e.g. 3 1 4 0 7 2 → 2 7 0 4 1 3". */
export function taskLine(id: TaskId): string {
  const task = makeTask(id);
  const { src, tgt } = task.sample(makeRng(7).fork('example'), 1);
  return `${task.description}, e.g. ${src[0]!.join(' ')} → ${tgt[0]!.join(' ')}`;
}
