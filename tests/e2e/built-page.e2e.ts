/**
 * The built pane page (dist/, which `npm run test:e2e` builds first) carries exactly the policy the build script
 * makes: scripts only from the add-in and at most one office.js origin, never eval. Here rather than in `npm test`,
 * which runs without a build and could only skip it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectOnlySelfAndOffice } from '../support/csp';

const ROOT = path.resolve(__dirname, '../..');

describe('the built task pane page', () => {
  it.each(['taskpane.html', 'taskpane-lite.html'])('%s carries the policy', (page) => {
    const built = path.join(ROOT, 'dist', page);
    expect(fs.existsSync(built)).toBe(true);
    const html = fs.readFileSync(built, 'utf8');
    const csp = /Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const scriptOrigins = [...html.matchAll(/<script\b[^>]*\bsrc="?(https?:\/\/[^"\s>]+)/g)].map((m) => new URL(m[1]).origin);
    expect(new Set(scriptOrigins).size).toBeLessThanOrEqual(1);
    expectOnlySelfAndOffice(csp!, scriptOrigins[0] ?? null);
  });
});
