/**
 * A department's return copy holds only that unit's measures, so its numbers skip by design (税务局 gets
 * measure 9 alone). Checking such a copy must not report numbering gaps; repeats would still be reported.
 */
import { analyseSheet } from '../../src/domain/check';
import { UnitDirectory } from '../../src/domain/units';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCheck } from '../../src/workflows/check';
import { PLAIN, splitFile, type SplitCopies } from '../support/returns';
import { SAMPLE_DIRECTORY_DATA, sampleDirectory } from '../support/sample-directory';

let split: SplitCopies;
beforeAll(async () => {
  split = await splitFile(PLAIN, 'both', sampleDirectory());
}, 120_000);

describe('check on a return copy', () => {
  it('reports no numbering gaps, though the copy skips numbers', async () => {
    const host = await XlsxHost.open(split.copies.get('经济运行局')!);
    const result = await runCheck(host, {});
    const numbers = result.analysis.tasks.map((t) => Number(t.no));
    expect(numbers.some((n, i) => i > 0 && n !== numbers[i - 1] + 1)).toBe(true);
    expect(result.analysis.findings.filter((f) => f.code === 'numbering.gap')).toEqual([]);

    // The same grid read as a full table does have gaps: the rule above is what keeps them out.
    const asMaster = analyseSheet((await host.read()).grid!, {
      directory: new UnitDirectory(SAMPLE_DIRECTORY_DATA),
    });
    expect(asMaster.findings.some((f) => f.code === 'numbering.gap')).toBe(true);
  });
});
