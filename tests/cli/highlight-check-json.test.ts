/** `check --format json` carries the colour-coding's states: "state" per task, "states" counts on top. */
import * as path from 'path';
import { runAllocation } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');

async function checkJson(args: string[]): Promise<Record<string, unknown> & { tasks: { no: string; state: string }[] }> {
  const { out } = await runAllocation(['check', 'samples/liangjiang-2022-returns.xlsx', '--format', 'json', ...args], { cwd: ROOT, today: '2026-11-26' });
  return JSON.parse(out);
}

describe('check --format json with row states', () => {
  it('adds the state of every task and the counts per state, as of --as-of', async () => {
    const json = await checkJson(['--as-of', '2022-09-15']);
    expect(json.soonDays).toBe(10);
    expect(json.states).toEqual({ done: 13, done_late: 2, on_track: 3, behind: 2, due_soon: 0, overdue: 3, ongoing: 31, unknown: 0 });
    const state = (no: string) => json.tasks.find((t) => t.no === no)?.state;
    expect([state('11'), state('7'), state('20'), state('37'), state('1')]).toEqual(['overdue', 'done_late', 'done', 'behind', 'ongoing']);
  });

  it('judges as of the given date: by 2023 every open dated task is overdue', async () => {
    const json = await checkJson(['--as-of', '2023-01-05']);
    // 11, 24, 51 and now 29, 36, 41 and 37 (overdue beats behind); 26 is 及时公开, so still behind.
    expect(json.states).toMatchObject({ overdue: 7, on_track: 0, behind: 1 });
  });
});
