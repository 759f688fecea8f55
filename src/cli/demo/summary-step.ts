/**
 * The summary step of `npm run demo`: the full year-end report for the returns sample — rows colour-coded and
 * the 落实情况汇总 sheet written, as of 2022-12-31 — saved to out/, with the annual-report paragraph printed.
 */
import { chineseDate } from '../../domain/dates';
import { runReport } from '../../workflows/report';
import { generatedAt } from '../options';
import { summaryText } from '../output/summary-output';
import type { DemoStep } from './context';

export const REPORT_AS_OF = '2022-12-31';
export const RETURNS_REPORT = 'out/liangjiang-2022-returns-report-2022-12-31.xlsx';

export const summaryDemoStep: DemoStep = {
  title: { zh: `生成截至${chineseDate(REPORT_AS_OF)}的落实情况汇总和年度报告段落`, en: `Year-end summary and annual-report paragraph as of ${REPORT_AS_OF}` },
  async run(demo) {
    const host = await demo.openSample('returns');
    const result = await runReport(host, { asOf: REPORT_AS_OF, directory: demo.directory, generatedAt: generatedAt(demo.cli), lang: demo.lang });
    const written = await demo.save(host, RETURNS_REPORT);
    demo.cli.out(summaryText(result.summary, demo.lang));
    demo.cli.out(written);
  },
};
