/**
 * `allocation` — the command-line face of the product. Each subcommand lives in commands/<name>.ts
 * and is registered in commands/index.ts; errors meant for the user are printed without a stack trace.
 */
import { localDate } from '../domain/dates';
import { isUserFacingError } from '../domain/errors';
import { normaliseLang } from '../domain/i18n';
import { visibleOutput } from '../domain/text';
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

export async function main(argv: string[], given: CliIO, env: NodeJS.ProcessEnv = {}): Promise<number> {
  // Names from outside (files, sheets, units) reach the terminal in every message: none may act on it.
  const io: CliIO = { ...given, out: (t) => given.out(visibleOutput(t)), err: (t) => given.err(visibleOutput(t)) };
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

/**
 * A reader that stops early (`| head -c 10`) closes the pipe: the rest of the output has nowhere to go, and
 * that is no error — end quietly with the exit code so far, no stack trace.
 */
export function quietOnBrokenPipe(stream: NodeJS.EventEmitter, exit: (code: number) => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    // Any other failure of the terminal's own stream cannot be reported on it either: exit 2, quietly.
    exit(e.code === 'EPIPE' && typeof process.exitCode === 'number' ? process.exitCode : e.code === 'EPIPE' ? 0 : 2);
  });
}

export function runFromProcess(): void {
  quietOnBrokenPipe(process.stdout, (code) => process.exit(code));
  quietOnBrokenPipe(process.stderr, (code) => process.exit(code));
  const io: CliIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    today: process.env.ALLOCATION_TODAY ?? localDate(new Date()),
    progress: process.stderr,
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
