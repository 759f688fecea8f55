/** Shared by the hardening tests: the CLI run in-process with captured output, and the bad-file corpus. */
import * as fs from 'fs';
import * as path from 'path';
import { runAllocation, type CliRun } from './cli';
import type { Finding } from '../../src/domain/types';
import type { BadFixture } from '../../scripts/make-bad-fixtures';

export type { BadFixture };

export const ROOT = path.resolve(__dirname, '../..');
export const BAD_DIR = path.join(ROOT, 'tests/fixtures/bad');
export const AS_OF = '2022-09-15';


export function badCorpus(): BadFixture[] {
  return (JSON.parse(fs.readFileSync(path.join(BAD_DIR, 'manifest.json'), 'utf8')) as { files: BadFixture[] }).files;
}

export type { CliRun };

/** The CLI in `cwd`, with today the hardening tests' as-of date. */
export function runCli(argv: string[], cwd: string): Promise<CliRun> {
  return runAllocation(argv, { cwd, today: AS_OF });
}

/** A stack trace or an exception's own text reaching the user: what the CLI must never print. */
export function leaksInternals(text: string): boolean {
  return /^\s+at .+\(?.*:\d+:\d+\)?$/m.test(text) || /^(\w*Error|TypeError|RangeError):/m.test(text) || text.includes('内部错误');
}

const FINDING_CODE = /^[a-z_]+(\.[a-z_]+)+$/;
const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

/** Why a finding is malformed, or null when it is well-formed. */
export function malformedFinding(f: Finding): string | null {
  if (!['error', 'warning', 'info'].includes(f.severity)) return `severity ${f.severity}`;
  if (!FINDING_CODE.test(f.code)) return `code ${f.code}`;
  if (f.cell !== null && !A1.test(f.cell)) return `cell ${f.cell}`;
  if (f.row !== null && !(Number.isInteger(f.row) && f.row >= 1)) return `row ${f.row}`;
  if (!f.message?.zh?.trim() || !f.message?.en?.trim()) return 'empty message';
  if (f.suggestion !== null && typeof f.suggestion !== 'string') return 'suggestion';
  return null;
}
