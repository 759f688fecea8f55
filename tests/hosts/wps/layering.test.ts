/** WPS's object model (`Application.…`) is spoken only in src/hosts/wps, as Excel.* only in src/hosts/excel. */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

it('no file outside src/hosts/wps mentions Application.', () => {
  const sources = files(SRC).filter((f) => /\.(ts|tsx|js)$/.test(f));
  const offenders = sources.filter((f) => !f.startsWith(path.join(SRC, 'hosts', 'wps') + path.sep) && /\bApplication\./.test(fs.readFileSync(f, 'utf8')));
  expect(sources.length).toBeGreaterThan(50);
  expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
});
