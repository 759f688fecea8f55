/**
 * The lite pane's production build is ES5 throughout — its own code, the shared domain and workflows, the
 * polyfills and anything else pulled from node_modules — so IE11 can parse it: acorn at ecmaVersion 5 must
 * accept the whole bundle (which also validates every regex literal: no named groups, lookbehind or u/s/y
 * flags). Builds the lite pane alone into build/lite-check when that build is missing or older than the sources.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { ensureBuild as buildIfStale, ROOT } from '../support/stale-build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const acorn = require('acorn') as { parse(input: string, options: { ecmaVersion: 5; sourceType: 'script' }): unknown };

const OUT = path.join(ROOT, 'build', 'lite-check');
/** Lite is loaded only on old Office, so it may be larger than the modern pane's initial JS, within reason. */
const LITE_BUDGET_GZIP_BYTES = 160 * 1024;

const DEV_OUT = path.join(ROOT, 'build', 'lite-check-dev');
const ensureBuild = () => {
  buildIfStale('lite', 'build/lite-check', 'taskpane-lite.html');
  // `npm start` sideloads the development build: without tree shaking it holds every module imported at all.
  buildIfStale('lite', 'build/lite-check-dev', 'taskpane-lite.html', 'development');
};

function liteScripts(dir: string = OUT): string[] {
  const html = fs.readFileSync(path.join(dir, 'taskpane-lite.html'), 'utf8');
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//i.test(src));
}

describe('lite pane build', () => {
  beforeAll(ensureBuild, 600000);

  test.each([
    ['production', OUT],
    ['development', DEV_OUT],
  ])('every script of the %s taskpane-lite.html parses as ECMAScript 5', (_, dir) => {
    const scripts = liteScripts(dir);
    expect(scripts.join(' ')).toMatch(/taskpane-lite\.[0-9a-f]{8}\.js/);
    for (const file of scripts) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(() => acorn.parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    }
  });

  test('acorn at ecmaVersion 5 does reject what IE11 cannot parse (so the check above can fail)', () => {
    for (const modern of ['const a = 1;', 'var f = () => 1;', 'var r = /(?<y>\\d)/;', 'var r = /(?<=a)b/;', 'var r = /./s;', 'var r = /./u;']) {
      expect(() => acorn.parse(modern, { ecmaVersion: 5, sourceType: 'script' })).toThrow();
    }
  });

  test('the bundle stays within its own budget and carries neither React nor Fluent UI', () => {
    const [file] = liteScripts();
    const source = fs.readFileSync(path.join(OUT, file));
    expect(zlib.gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(LITE_BUDGET_GZIP_BYTES);
    const text = source.toString('utf8');
    expect(text).not.toMatch(/react\.development|__SECRET_INTERNALS|createFluentProvider|makeStyles/);
  });

  test('the page has the CSP, office.js, a static stylesheet and no inline script', () => {
    const html = fs.readFileSync(path.join(OUT, 'taskpane-lite.html'), 'utf8');
    expect(html).toMatch(/http-equiv="?Content-Security-Policy"? content="default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(html).toMatch(/<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(html).toMatch(/<link[^>]*href="?taskpane-lite\.css/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(fs.existsSync(path.join(OUT, 'taskpane-lite.css'))).toBe(true);
  });
});
