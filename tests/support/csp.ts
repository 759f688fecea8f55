/** The Content-Security-Policy rules the pane must keep, shared by the hardening test and the built-page e2e check. */

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const addinBuild = require('../../scripts/addin-build.js') as {
  DEFAULT_OFFICE_JS_URL: string;
  externalOrigin(url: string): string | null;
  contentSecurityPolicy(officeOrigin: string | null, dev: boolean): string;
};

/** Sources any directive may name besides the office.js origin. */
const SAFE_SOURCES = new Set(["'self'", "'none'", 'data:', 'blob:']);
/** Fluent UI's Griffel inserts <style> elements at runtime; inline style is allowed there and nowhere else. */
const INLINE_ALLOWED = new Set(['style-src']);

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

export function expectOnlySelfAndOffice(csp: string, officeOrigin: string | null): void {
  const map = directives(csp);
  expect(map.get('default-src')).toEqual(["'self'"]);
  expect(map.get('object-src')).toEqual(["'none'"]);
  expect(map.get('script-src')).toEqual(officeOrigin ? ["'self'", officeOrigin] : ["'self'"]);
  for (const [name, sources] of map) {
    for (const source of sources) {
      const allowed = SAFE_SOURCES.has(source) || source === officeOrigin || (source === "'unsafe-inline'" && INLINE_ALLOWED.has(name));
      expect({ directive: name, source, allowed }).toEqual({ directive: name, source, allowed: true });
    }
  }
  expect(csp).not.toMatch(/unsafe-eval|\*|http:|ws:/);
}

