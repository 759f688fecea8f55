/**
 * Strict argument parsing on node's `util.parseArgs`: unknown options are errors, so a typo never silently
 * does the default. Its English errors are said again in zh-CN (and en-US) as a UserFacingError.
 */
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
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

/** The option as node's message quotes it: `'--colour'`, `'-o, --output <value>'` → `--colour`, `--output`. */
function optionNamed(message: string): string {
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  return /--?[^\s,<]+(?=\s*(?:<|$))/.exec(quoted)?.[0] ?? quoted;
}

function parseError(e: unknown): UserFacingError | null {
  // Not `instanceof Error`: under jest node's errors come from another realm.
  const { code, message: raw } = e && typeof e === 'object' ? (e as { code?: unknown; message?: unknown }) : {};
  const message = typeof raw === 'string' ? raw : '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const key = optionNamed(message);
    return new UserFacingError('cli.unknown_option', {
      zh: `未知选项：${key}（运行 allocation --help 查看用法）`,
      en: `Unknown option: ${key} (run allocation --help for usage)`,
    });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const key = optionNamed(message);
    if (/argument missing/.test(message)) {
      return new UserFacingError('cli.missing_value', { zh: `选项 ${key} 需要一个值`, en: `Option ${key} needs a value` });
    }
    if (/does not take an argument/.test(message)) {
      return new UserFacingError('cli.unexpected_value', { zh: `选项 ${key} 不带值`, en: `Option ${key} takes no value` });
    }
    // A value starting with '-' after an option that takes one: most likely the value was left out.
    return new UserFacingError('cli.missing_value', {
      zh: `选项 ${key} 需要一个值（值以“-”开头时请写成 ${key}=值）`,
      en: `Option ${key} needs a value (a value starting with "-" is written ${key}=VALUE)`,
    });
  }
  return null;
}

export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const s of specs) {
    options[s.name] = { type: s.value ? 'string' : 'boolean', ...(s.alias ? { short: s.alias } : {}), ...(s.repeatable ? { multiple: true } : {}) };
  }
  try {
    const parsed = parseNodeArgs({ args: argv, options, strict: true, allowPositionals: true });
    const values: ParsedArgs['options'] = {};
    for (const [name, value] of Object.entries(parsed.values)) {
      if (value !== undefined) values[name] = value as string | string[] | boolean;
    }
    return { positionals: parsed.positionals, options: values };
  } catch (e) {
    throw parseError(e) ?? e;
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}
