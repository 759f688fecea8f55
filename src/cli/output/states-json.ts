/**
 * The colour-coding's addition to `check --format json`: `"state"` on every task and
 * `"states": {state: count}` at the top, plus `"soonDays"`, the due-soon window the states were judged with.
 * Same classification as the highlight and the summary (rowState), so the three never disagree.
 */
import { countStates, rowState, type StateCounts } from '../../domain/row-state';
import type { RowState } from '../../domain/types';
import type { CheckResult } from '../../workflows/check';
import { resolveSoonDays } from '../../workflows/highlight';
import type { CheckJson, TaskJson } from './check-output';

export type CheckJsonWithStates = Omit<CheckJson, 'tasks'> & {
  tasks: (TaskJson & { state: RowState })[];
  soonDays: number;
  states: StateCounts;
};

export function withRowStates(json: CheckJson, result: CheckResult, asOf: string, soonDays?: number): CheckJsonWithStates {
  const window = resolveSoonDays(soonDays, result.state);
  const states = result.analysis.tasks.map((t) => rowState(t, asOf, window));
  return {
    ...json,
    tasks: json.tasks.map((t, i) => ({ ...t, state: states[i] })),
    soonDays: window,
    states: countStates(states),
  };
}
