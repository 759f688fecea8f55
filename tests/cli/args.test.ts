/** The CLI's argument parser: node's util.parseArgs, strict, its errors said in zh-CN. */
import { isUserFacingError } from '../../src/domain/errors';
import { parseArgs, type OptionSpec } from '../../src/cli/args';

const SPECS: OptionSpec[] = [
  { name: 'sheet', value: true },
  { name: 'output', alias: 'o', value: true },
  { name: 'units', value: true, repeatable: true },
  { name: 'force', value: false },
];

function refusal(argv: string[]): { code: string; zh: string; en: string } {
  try {
    parseArgs(argv, SPECS);
  } catch (e) {
    if (isUserFacingError(e)) return { code: e.code, zh: e.text.zh, en: e.text.en };
    throw e;
  }
  throw new Error('not refused');
}

describe('parseArgs', () => {
  it('reads values, aliases, flags, repeats and positionals, and everything after -- as positionals', () => {
    expect(parseArgs(['a.xlsx', '--sheet', '分工', '-o', 'out.xlsx', '--units=x.csv', '--units', 'y.csv', '--force', '-', '--', '--sheet'], SPECS)).toEqual({
      positionals: ['a.xlsx', '-', '--sheet'],
      options: { sheet: '分工', output: 'out.xlsx', units: ['x.csv', 'y.csv'], force: true },
    });
  });

  it('refuses an unknown option, naming it in zh-CN', () => {
    expect(refusal(['a.xlsx', '--colour'])).toEqual({
      code: 'cli.unknown_option',
      zh: '未知选项：--colour（运行 allocation --help 查看用法）',
      en: 'Unknown option: --colour (run allocation --help for usage)',
    });
    expect(refusal(['--colour=red']).zh).toBe('未知选项：--colour（运行 allocation --help 查看用法）');
    expect(refusal(['-x']).zh).toBe('未知选项：-x（运行 allocation --help 查看用法）');
  });

  it('refuses an option left without its value', () => {
    expect(refusal(['a.xlsx', '--sheet'])).toMatchObject({ code: 'cli.missing_value', zh: '选项 --sheet 需要一个值' });
    expect(refusal(['a.xlsx', '-o'])).toMatchObject({ code: 'cli.missing_value', zh: '选项 --output 需要一个值' });
    expect(refusal(['--sheet', '--force']).zh).toBe('选项 --sheet 需要一个值（值以“-”开头时请写成 --sheet=值）');
    expect(parseArgs(['--sheet=-1'], SPECS).options.sheet).toBe('-1');
  });

  it('refuses a value given to a flag', () => {
    expect(refusal(['--force=yes'])).toMatchObject({ code: 'cli.unexpected_value', zh: '选项 --force 不带值' });
  });
});
