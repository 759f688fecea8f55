/**
 * The manifest as Office reads it: manifest.xml and the production dist/manifest.xml (the build's own text,
 * from builtManifest) must validate against Microsoft's published XSDs for the add-in only manifest
 * (tests/manifest/xsd, OfficeApp 1.1 + VersionOverrides 1.0) with libxml2's xmllint, and Microsoft's
 * office-addin-manifest must read their id, name and version. A file that is not well-formed XML fails both.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../scripts/addin-build') as { builtManifest(env: Record<string, string | undefined>): string };

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA = path.join(__dirname, 'xsd', 'OfficeAppManifestV1_1.xsd');
const TOOL = path.join(ROOT, 'node_modules', '.bin', 'office-addin-manifest');

let dir: string;
const files: Record<string, string> = {};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  files['manifest.xml'] = path.join(ROOT, 'manifest.xml');
  files['dist/manifest.xml'] = path.join(dir, 'manifest.xml');
  fs.writeFileSync(files['dist/manifest.xml'], build.builtManifest({ ADDIN_URL_PROD: 'https://oa.example.gov.cn/addins/allocation/' }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(['manifest.xml', 'dist/manifest.xml'])('%s', (name) => {
  test("validates against Microsoft's XSD (xmllint --schema)", () => {
    const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, files[name]], { encoding: 'utf8' });
    expect(run.error).toBeUndefined(); // xmllint missing: install libxml2-utils
    expect(run.stderr).toMatch(/ validates\s*$/);
    expect(run.status).toBe(0);
  });

  test('office-addin-manifest info reads its id, name and version', () => {
    const out = execFileSync(TOOL, ['info', files[name]], { encoding: 'utf8' });
    expect(out).toMatch(/Id: 6f1d2c4e-8a3b-4f7e-9c21-5d0b7e3a9f42/);
    expect(out).toMatch(/Name: 任务分工助手/);
    expect(out).toMatch(/Version: 1\.0\.0\.0/);
    if (name === 'dist/manifest.xml') expect(out).toContain('https://oa.example.gov.cn/addins/allocation/taskpane.html');
  });
});
