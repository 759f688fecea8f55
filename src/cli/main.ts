/**
 * `allocation` — the command-line face of the product. Each subcommand lives in commands/<name>.ts
 * and is registered in commands/index.ts; errors meant for the user are printed without a stack trace.
 */
import { localDate } from '../domain/dates';
import { isUserFacingError } from '../domain/errors';
import { normaliseLang } from '../domain/i18n';
import type { Lang } from '../domain/types';
import type { CliIO } from './command';
import { COMMANDS } from './commands';

function languageFrom(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) return normaliseLang(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
  return normaliseLang(env.ALLOCATION_LANG ?? 'zh-CN');
}

export function usage(): string {
  const lines = [
    '任务分工助手 命令行 / Task Allocation Assistant CLI',
    '',
    '用法 / Usage: allocation <命令/command> [选项/options]',
    '',
    '命令 / Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary.zh} / ${c.summary.en}`),
    '',
    '运行 allocation <命令> --help 查看该命令的全部选项。',
    'Run allocation <command> --help for all of its options.',
    '',
    '退出码 / Exit codes: 0 无错误/no errors · 1 发现错误/errors found · 2 无法读取输入/input unusable',
  ];
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令：${name}\nUnknown command: ${name}\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help.trimEnd() + '\n');
    return 0;
  }
  const lang = languageFrom(rest, env);
  try {
    return await command.run(rest, { ...io, lang });
  } catch (e) {
    if (isUserFacingError(e)) {
      io.err(`${lang === 'en-US' ? e.text.en : e.text.zh}\n`);
      return 2;
    }
    // Anything else is our bug: say so plainly, keep the detail for a bug report, never a bare stack trace.
    const detail = e instanceof Error ? e.message : String(e);
    io.err(`内部错误，请将此信息反馈给开发人员：${detail}\nInternal error, please report: ${detail}\n`);
    if (env.ALLOCATION_DEBUG) io.err(String(e instanceof Error ? e.stack : e) + '\n');
    return 2;
  }
}

export function runFromProcess(): void {
  const io: CliIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    today: process.env.ALLOCATION_TODAY ?? localDate(new Date()),
  };
  main(process.argv.slice(2), io, process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误 / Internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
