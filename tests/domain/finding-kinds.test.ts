/** Every kind of finding the check makes has a name in words for printed reports, never 其他问题. */
import * as fs from 'fs';
import * as path from 'path';
import { findingKindName } from '../../src/domain/finding-kinds';

const CHECK_SOURCE = fs.readFileSync(path.resolve(__dirname, '../../src/domain/check.ts'), 'utf8');

describe('findingKindName', () => {
  const codes = [...new Set([...CHECK_SOURCE.matchAll(/\.add\(\s*'(?:error|warning|info)',\s*'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]))];

  it('finds the check’s finding codes', () => expect(codes).toEqual(expect.arrayContaining(['unit.variant', 'unit.stray_text', 'lead.blank_column', 'lead.rule'])));

  it.each(codes)('%s has a zh-CN and an en-US name', (code) => {
    const name = findingKindName(code);
    expect(name.zh).not.toBe('其他问题');
    expect(name.en).not.toBe('Other problem');
  });
});
