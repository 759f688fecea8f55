/** The `allocation` command run in-process, as the tests run it: its exit code and what it printed. */
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliRunOptions {
  /** The folder relative paths are read from. */
  cwd: string;
  /** Today as ISO, for the default as-of date. */
  today: string;
  env?: NodeJS.ProcessEnv;
  progress?: CliIO['progress'];
}

export async function runAllocation(argv: string[], options: CliRunOptions): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: options.cwd, today: options.today, progress: options.progress };
  const code = await main(argv, io, options.env ?? {});
  return { code, out, err };
}
