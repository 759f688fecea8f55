/**
 * Security hardening that can be checked offline:
 *  - the pane's Content-Security-Policy lets scripts, connections and images come only from the add-in itself
 *    and the configured office.js origin — for the default CDN and for an intranet mirror — never eval;
 *  - the pane template carries it (the built page is checked where it is built: tests/e2e/built-page.e2e.ts);
 *  - no code in src/ evaluates strings or writes HTML from strings (sheet text must never become markup).
 */
import * as fs from 'fs';
import * as path from 'path';
import { addinBuild as build, expectOnlySelfAndOffice } from '../support/csp';
import { ROOT } from '../support/hardening';

describe('the pane’s Content-Security-Policy', () => {
  it('allows only the add-in and Microsoft’s office.js origin by default', () => {
    const origin = build.externalOrigin(build.DEFAULT_OFFICE_JS_URL);
    expect(origin).toBe('https://appsforoffice.microsoft.com');
    expectOnlySelfAndOffice(build.contentSecurityPolicy(origin, false), origin);
  });

  it('follows the configured office.js origin (an intranet mirror), or only itself when office.js is served by the add-in', () => {
    const mirror = build.externalOrigin('https://oa.example.gov.cn/office-js/office.js');
    expectOnlySelfAndOffice(build.contentSecurityPolicy(mirror, false), 'https://oa.example.gov.cn');
    expectOnlySelfAndOffice(build.contentSecurityPolicy(build.externalOrigin('/office-js/office.js'), false), null);
  });

  it('is what the pane template carries', () => {
    const template = fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
    expect(template).toMatch(/<meta http-equiv="Content-Security-Policy" content="<%= csp %>"/);
  });
});

describe('no string becomes code or markup', () => {
  const FORBIDDEN: [string, RegExp][] = [
    ['eval(', /\beval\s*\(/],
    ['new Function', /\bnew\s+Function\s*\(/],
    ['innerHTML', /\binnerHTML\b/],
    ['outerHTML', /\bouterHTML\b/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['document.write', /document\.write(ln)?\s*\(/],
    ['setTimeout with a string', /set(Timeout|Interval)\s*\(\s*['"`]/],
    ['javascript: URL', /['"`]javascript:/i],
  ];

  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(p);
      return /\.(ts|tsx|js|html)$/.test(e.name) ? [p] : [];
    });
  }

  const files = sourceFiles(path.join(ROOT, 'src'));

  it('finds the sources it scans', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith('.tsx'))).toBe(true);
  });

  it.each(FORBIDDEN)('src/ has no %s', (_name, pattern) => {
    const hits = files.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file: path.relative(ROOT, file), line: i + 1, text: line.trim() }))
        .filter((l) => pattern.test(l.text)),
    );
    expect(hits).toEqual([]);
  });
});
