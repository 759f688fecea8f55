import type { Lang } from '../domain/types';
import type { ProgressStream } from './progress';

/** Where a command writes; tests pass buffers, the real CLI passes process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** The working directory relative paths resolve against. */
  cwd: string;
  /** "Today" for defaults such as --as-of (ISO date); injectable so tests are deterministic. */
  today: string;
  /** Where progress of long work is drawn (stderr); drawn only when it is a terminal. */
  progress?: ProgressStream;
}

export interface CliContext extends CliIO {
  lang: Lang;
}

export interface Command {
  name: string;
  /** One line for the command list, zh-CN then en-US. */
  summary: { zh: string; en: string };
  /** Full help text for `allocation <name> --help` (bilingual). */
  help: string;
  /** Returns the process exit code: 0 ok, 1 problems found, 2 input could not be used. */
  run(argv: string[], ctx: CliContext): Promise<number>;
}
