/**
 * The Office.js path's deterministic costs, asserted (the benchmark reports them at every size, with times):
 * every workflow through ExcelHost on the simulator, on a generated 2 000-measure sheet (the bench's own
 * generator), at ExcelApi 1.1 and the newest level with the web's 5 MB payload limit.
 *  - syncs: the one-click report (check + highlight + summary) ≤ 4, the single workflows no more than today;
 *  - the highlight's format operations ≤ its runs of same-state rows + a constant;
 *  - no request or response over the 5 MB limit (the simulator would throw).
 * The 20 000-row figures are left to `npm run bench` (bench/results.json): through the simulator they take
 * minutes on a shared 2-core machine, too slow for the default test run.
 */
import { FORMAT_OPS_CONSTANT } from '../../bench/run';
import { buildBenchWorkbook } from '../../bench/generate';
import { officeCounts, type OfficeWorkflow } from '../../bench/office-counts';
import { WEB_PAYLOAD_LIMIT_BYTES } from '../../src/simulator';

const MEASURES = 2000;
// Past the host's first 2 000-row read window a sheet takes one more read sync; report (highlight + summary) stays at 4 round trips.
const MAX_SYNCS: Record<OfficeWorkflow, number> = { check: 2, highlight: 4, clear: 4, summary: 3, 'check+highlight+summary': 4 };

describe.each(['1.1', '1.20'])(`Office.js costs at ExcelApi %s on ${MEASURES} measures`, (apiVersion) => {
  it('stay within the sync, format-operation and payload budgets', async () => {
    const rows = await officeCounts(MEASURES, async () => buildBenchWorkbook(MEASURES), { apiVersion });
    expect(rows.map((r) => r.workflow)).toEqual(['check', 'highlight', 'clear', 'summary', 'check+highlight+summary']);
    for (const r of rows) {
      expect({ workflow: r.workflow, withinBudget: r.syncs <= MAX_SYNCS[r.workflow] }).toEqual({ workflow: r.workflow, withinBudget: true });
      expect(r.maxPayloadBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT_BYTES);
    }
    const highlight = rows.find((r) => r.workflow === 'highlight')!;
    expect(highlight.stateRuns).toBeGreaterThan(100);
    expect(highlight.formatOps).toBeGreaterThan(0);
    expect(highlight.formatOps).toBeLessThanOrEqual(highlight.stateRuns + FORMAT_OPS_CONSTANT);
    expect(rows.find((r) => r.workflow === 'check')!.formatOps).toBe(0);
  });
});
