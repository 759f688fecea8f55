/** The office.js URL setting and the CSP it produces; the preview server's containment. */
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../scripts/addin-build.js') as {
  DEFAULT_OFFICE_JS_URL: string;
  externalOrigin(url: string): string | null;
  officeJsUrlFrom(env: Record<string, string | undefined>): string;
  contentSecurityPolicy(origin: string | null, dev: boolean): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resolveInside } = require('../../scripts/preview-server.js') as { resolveInside(root: string, url: string): string | null };

describe('office.js URL and CSP', () => {
  test("Microsoft's CDN by default; an intranet mirror or a same-server path when configured", () => {
    expect(build.officeJsUrlFrom({})).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(build.officeJsUrlFrom({ OFFICE_JS_URL: 'https://oa.example.gov.cn/office-js/office.js' })).toBe(
      'https://oa.example.gov.cn/office-js/office.js',
    );
    expect(build.officeJsUrlFrom({ OFFICE_JS_URL: '/office-js/office.js' })).toBe('/office-js/office.js');
    expect(() => build.officeJsUrlFrom({ OFFICE_JS_URL: 'http://oa.example.gov.cn/office.js' })).toThrow(/https/);
    expect(() => build.officeJsUrlFrom({ OFFICE_JS_URL: 'office.js' })).toThrow(/absolute path/);
  });

  test('scripts only from the add-in and the office.js origin, never eval', () => {
    const csp = build.contentSecurityPolicy(build.externalOrigin('https://oa.example.gov.cn/office-js/office.js'), false);
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'", 'https://oa.example.gov.cn']);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/ws:/);
    // Served from the add-in's own server: nothing but 'self'.
    expect(build.contentSecurityPolicy(build.externalOrigin('/office-js/office.js'), false)).toContain("script-src 'self';");
    // Only the dev server gets its live-reload socket.
    expect(build.contentSecurityPolicy(null, true)).toContain('ws://localhost:*');
  });
});

describe('preview server', () => {
  const root = path.resolve('/srv/dist');
  test('serves files inside dist only', () => {
    expect(resolveInside(root, '/preview.html')).toBe(path.join(root, 'preview.html'));
    expect(resolveInside(root, '/assets/icon-32.png?v=1')).toBe(path.join(root, 'assets', 'icon-32.png'));
    expect(resolveInside(root, '/../package.json')).toBe(path.join(root, 'package.json'));
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
  });
});
