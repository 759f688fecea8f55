/**
 * Production builds that build-output tests read: made with webpack when missing or older than the sources,
 * so a figure is never stale and an up-to-date build is not redone.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds `--env only=<only>` into `outDir` (relative to the repository) unless `page` there is newer than src. */
export function ensureBuild(only: 'taskpane' | 'lite', outDir: string, page: string, mode: 'production' | 'development' = 'production'): void {
  const html = path.join(ROOT, outDir, page);
  const sources = Math.max(newestSource(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs);
  if (fs.existsSync(html) && fs.statSync(html).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', mode, '--env', `only=${only}`, '--env', `outDir=${outDir}`],
    { cwd: ROOT, stdio: 'pipe' },
  );
}
