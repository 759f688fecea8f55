/**
 * The pane's initial JavaScript stays within its budget of 200 KB gzip. Builds the pane alone into
 * build/bundle-check when that build is missing or older than the sources, so the figure is never stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ensureBuild as buildIfStale, ROOT } from '../support/stale-build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BUDGET_GZIP_BYTES, initialBundleSize, localScripts } = require('../../scripts/bundle-size.js') as {
  BUDGET_GZIP_BYTES: number;
  initialBundleSize(dir: string): { files: { file: string; gzipBytes: number }[]; gzipBytes: number };
  localScripts(html: string): string[];
};

const OUT = path.join(ROOT, 'build', 'bundle-check');
const ensureBuild = () => buildIfStale('taskpane', 'build/bundle-check', 'taskpane.html');

describe('bundle budget', () => {
  test('reads script sources from minified and ordinary HTML, skipping the office.js CDN', () => {
    const html =
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
      '<script defer src=taskpane.1a2b.js></script><script src="vendor.js"></script>';
    expect(localScripts(html)).toEqual(['taskpane.1a2b.js', 'vendor.js']);
  });

  test('the initial chunks of the production pane are at most 200 KB gzip', () => {
    ensureBuild();
    const size = initialBundleSize(OUT);
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.files.map((f) => f.file).join(' ')).toMatch(/taskpane\./);
    // The workflows (domain + calendar data) and the panels after 检查 are lazy chunks, not part of the initial load.
    expect(size.files.map((f) => f.file).join(' ')).not.toMatch(/workflows|panels/);
    expect(fs.readdirSync(OUT).some((f) => /^panels\..*\.js$/.test(f))).toBe(true);
    expect(size.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  }, 600000);

  test('the built taskpane.html loads office.js from the CDN under a CSP without eval', () => {
    ensureBuild();
    const html = fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    const csp = /Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).not.toContain('unsafe-eval');
    // office.js must come before the pane's own script, which calls Office.onReady.
    expect(html.indexOf('office.js')).toBeLessThan(html.search(/src="?taskpane\./));
  }, 600000);
});
