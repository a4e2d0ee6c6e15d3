import { expect, test } from 'vitest';
import { taskLine, tasksOfCore } from '~/build/task-line';

test("an experiment's task is read from its core and shown with an example drawn from the task", () => {
  expect(tasksOfCore("const a = lab.task('reverse'); const b = lab.task(\"running-sum\"); lab.task('reverse')")).toEqual([
    'reverse',
    'running-sum',
  ]);
  expect(taskLine('reverse')).toMatch(/^reverse 6 symbols of 8, e\.g\. (\d) (\d) (\d) (\d) (\d) (\d) → \6 \5 \4 \3 \2 \1$/);
  expect(taskLine('running-sum')).toMatch(/^running sum mod 5 of 6 digits, e\.g\. [0-4]( [0-4]){5} → [0-4]( [0-4]){5}$/);
});
