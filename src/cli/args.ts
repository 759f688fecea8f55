/** A small, strict argument parser: unknown options are errors, so a typo never silently does the default. */
import { UserFacingError } from '../domain/errors';

export interface OptionSpec {
  name: string; // 'format'
  alias?: string; // 'o'
  /** true: takes a value; false: a flag. */
  value: boolean;
  repeatable?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | string[] | boolean>;
}

export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs {
  const byName = new Map<string, OptionSpec>();
  for (const s of specs) {
    byName.set(`--${s.name}`, s);
    if (s.alias) byName.set(`-${s.alias}`, s);
  }
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = byName.get(key);
    if (!spec) {
      throw new UserFacingError('cli.unknown_option', {
        zh: `未知选项：${key}（运行 allocation --help 查看用法）`,
        en: `Unknown option: ${key} (run allocation --help for usage)`,
      });
    }
    if (!spec.value) {
      options[spec.name] = true;
      continue;
    }
    const val = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (val === undefined) {
      throw new UserFacingError('cli.missing_value', {
        zh: `选项 ${key} 需要一个值`,
        en: `Option ${key} needs a value`,
      });
    }
    if (spec.repeatable) {
      const prev = options[spec.name];
      options[spec.name] = Array.isArray(prev) ? [...prev, val] : [val];
    } else {
      options[spec.name] = val;
    }
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}
