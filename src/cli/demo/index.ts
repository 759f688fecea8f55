/**
 * `allocation demo` (npm run demo) — the product's main job on the bundled samples, printed readably.
 * Each step is one entry of DEMO_STEPS, run in order; later features add their step to the list.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pick } from '../../domain/i18n';
import { directoryFromJson, UnitDirectory } from '../../domain/units';
import { XlsxHost } from '../../hosts/xlsx';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { checkDemoStep } from './check-step';
import { packageRoot, SAMPLE_UNITS, SAMPLES, type DemoContext, type DemoStep } from './context';
import { highlightDemoStep } from './highlight-step';
import { summaryDemoStep } from './summary-step';

/** The demo's steps, in order. Add a feature's step here. */
export const DEMO_STEPS: DemoStep[] = [checkDemoStep, highlightDemoStep, summaryDemoStep];

const HELP = `allocation demo [--lang zh-CN|en-US]

在随附的样例（两江新区2022年政务公开重点工作任务分工）上演示本工具的主要功能并打印结果。
Shows what the tool does on the bundled sample (the 2022 两江新区 task allocation) and prints the result.
单位名录取自样例自带的 ${SAMPLE_UNITS}（相当于 --units）。生成的文件写入本工具目录下的 out/，样例文件不会被改动。
The unit directory is the sample's own ${SAMPLE_UNITS} (as with --units).
Files it writes go to out/ under the package; the samples are never changed.

步骤 / Steps:
${DEMO_STEPS.map((s, i) => `  ${i + 1}. ${s.title.zh} / ${s.title.en}`).join('\n')}

选项 / Options:
  --lang zh-CN|en-US  输出语言 / output language
  -h, --help          显示本帮助 / show this help
`;

export const demoCommand: Command = {
  name: 'demo',
  summary: { zh: '在随附样例上演示主要功能', en: 'run the main features on the bundled sample' },
  help: HELP,
  async run(argv, ctx) {
    parseArgs(argv, [{ name: 'lang', value: true }]);
    const root = packageRoot();
    const show = (p: string) => path.relative(root, p) || '.';
    const demo: DemoContext = {
      cli: ctx,
      lang: ctx.lang,
      root,
      show,
      directory: new UnitDirectory(directoryFromJson(fs.readFileSync(path.join(root, SAMPLE_UNITS), 'utf8'))),
      openSample: (which) => XlsxHost.open(path.join(root, SAMPLES[which])),
      async save(host, relative) {
        const target = path.join(root, relative);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        await host.save(target);
        return ctx.lang === 'en-US' ? `Written: ${show(target)}\n` : `已写入：${show(target)}\n`;
      },
    };
    for (const [i, step] of DEMO_STEPS.entries()) {
      const heading = `${i + 1}. ${pick(step.title, ctx.lang)}`;
      ctx.out(`${'='.repeat(8)} ${heading} ${'='.repeat(8)}\n`);
      await step.run(demo);
      ctx.out('\n');
    }
    return 0;
  },
};
