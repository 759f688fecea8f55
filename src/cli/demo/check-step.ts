/** The first step of `allocation demo`: check the official 2022 任务分工 exactly as a clerk receives it. */
import * as path from 'path';
import { runCheck } from '../../workflows/check';
import { checkText } from '../output/check-output';
import { SAMPLES, type DemoStep } from './context';

export const checkDemoStep: DemoStep = {
  title: { zh: '检查任务分工表', en: 'Check the allocation sheet' },
  async run(demo) {
    const result = await runCheck(await demo.openSample('allocation'), { directory: demo.directory });
    demo.cli.out(checkText(result, { file: demo.show(path.join(demo.root, SAMPLES.allocation)), lang: demo.lang }));
  },
};

