/**
 * The colour-coding step of `npm run demo`: the returns sample highlighted as of 2022-09-15 (the date its
 * 完成情况 answers were chosen for), written to out/ and summarised as counts per state.
 */
import { runHighlight } from '../../workflows/highlight';
import { formatHighlightResult } from '../output/highlight-output';
import type { DemoStep } from './context';

export const DEMO_AS_OF = '2022-09-15';
export const HIGHLIGHTED_RETURNS = 'out/liangjiang-2022-returns-highlighted.xlsx';

export const highlightDemoStep: DemoStep = {
  title: { zh: `按 ${DEMO_AS_OF} 给报回的完成情况标色`, en: `Colour-code the returned progress as of ${DEMO_AS_OF}` },
  async run(demo) {
    const host = await demo.openSample('returns');
    const result = await runHighlight(host, { asOf: DEMO_AS_OF, directory: demo.directory });
    const written = await demo.save(host, HIGHLIGHTED_RETURNS);
    demo.cli.out(formatHighlightResult(result, demo.lang));
    demo.cli.out(written);
  },
};
