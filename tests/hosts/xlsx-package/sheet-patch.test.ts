/** The sheet patch: only the cells a patch names change, everything else comes back byte for byte. */
import { headerFooterTail, writeHeaderFooterBytes } from '../../../src/hosts/xlsx-package/header-footer';
import { patchSheetBytes, patchSheetXml, type CellPatch, type SheetPatches } from '../../../src/hosts/xlsx-package/sheet-patch';

const sheet = (rows: string, prefix = '') =>
  `<?xml version="1.0"?><${prefix}worksheet><${prefix}sheetData>${rows}</${prefix}sheetData><${prefix}pageMargins left="0.7"/></${prefix}worksheet>`;

const patches = (entries: [number, number, CellPatch][]): SheetPatches => {
  const out: SheetPatches = new Map();
  for (const [row, col, patch] of entries) {
    if (!out.has(row)) out.set(row, new Map());
    out.get(row)!.set(col, patch);
  }
  return out;
};

describe('patchSheetXml', () => {
  it('replaces an s, adds one right after the element name, and keeps the tab before an s (only the value changes); other cells and rows are kept as written', () => {
    const rows =
      '<row r="1" spans="1:3"><c r="A1" s="4" t="s"><v>0</v></c><c r="B1"><v>2</v></c><c r="C1"\ts="7"/></row>' +
      '<row r="2"><c r="A2" s="1"><f>A1*2</f><v>4</v></c></row>';
    const out = patchSheetXml(sheet(rows), patches([[0, 0, { s: 9 }], [0, 1, { s: 10 }], [0, 2, { s: 11 }]]));
    expect(out).toBe(
      sheet(
        '<row r="1" spans="1:3"><c r="A1" s="9" t="s"><v>0</v></c><c s="10" r="B1"><v>2</v></c><c r="C1"\ts="11"/></row>' +
          '<row r="2"><c r="A2" s="1"><f>A1*2</f><v>4</v></c></row>',
      ),
    );
  });

  it('replaces an s however it is spaced or quoted, never adding a second one, and keeps formulas and spaced values whole', () => {
    const rows = "<row r='1'><c r='A1' s = '4'><v>1</v> </c><c s=\"2\"  r=\"B1\" t=\"str\"><f>A1&amp;\"x\"</f><v>1x</v></c><c r=\"C1\" cm=\"1\"><v>3</v></c></row>";
    const out = patchSheetXml(sheet(rows), patches([[0, 0, { s: 9 }], [0, 1, { s: 10 }], [0, 2, { s: 11 }]]));
    expect(out).toBe(
      sheet("<row r='1'><c r='A1' s = '9'><v>1</v> </c><c s=\"10\"  r=\"B1\" t=\"str\"><f>A1&amp;\"x\"</f><v>1x</v></c><c s=\"11\" r=\"C1\" cm=\"1\"><v>3</v></c></row>"),
    );
  });

  it('refuses a row or a cell left open rather than writing a broken part', () => {
    expect(() => patchSheetXml(sheet('<row r="1"><c r="A1"><v>1</v></row>'), patches([[0, 0, { s: 1 }]]))).toThrow(/not closed/);
    expect(() => patchSheetXml(sheet('<row r="1"><c r="A1"><v>1</v></c>'), patches([[0, 0, { s: 1 }]]))).toThrow(/not closed/);
    expect(() => patchSheetXml(sheet('<row r="1"><c r="A1"><v>1</v></c>'), patches([[1, 0, { s: 1 }]]))).toThrow(/not closed/);
  });

  it('inserts missing cells in column order and widens spans; missing rows in row order, also after the last', () => {
    const rows = '<row r="2" spans="2:2" ht="20"><c r="B2" s="1"><v>1</v></c></row><row r="4"/>';
    const out = patchSheetXml(sheet(rows), patches([[1, 0, { s: 3 }], [1, 3, { s: 3 }], [0, 1, { s: 5 }], [3, 2, { s: 6 }], [6, 0, { s: 2 }]]));
    expect(out).toBe(
      sheet(
        '<row r="1"><c r="B1" s="5"/></row>' +
          '<row r="2" spans="1:4" ht="20"><c r="A2" s="3"/><c r="B2" s="1"><v>1</v></c><c r="D2" s="3"/></row>' +
          '<row r="4"><c r="C4" s="6"/></row><row r="7"><c r="A7" s="2"/></row>',
      ),
    );
  });

  it('numbers rows and cells without r by position, and keeps a prefixed sheet prefixed', () => {
    const rows = '<x:row><x:c s="1"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row>';
    const out = patchSheetXml(sheet(rows, 'x:'), patches([[1, 0, { s: 8 }], [0, 1, { s: 8 }]]));
    expect(out).toBe(sheet('<x:row><x:c s="1"><x:v>1</x:v></x:c><x:c s="8"><x:v>2</x:v></x:c></x:row><x:row><x:c s="8"><x:v>3</x:v></x:c></x:row>', 'x:'));
  });

  it('keeps text beyond ASCII in untouched cells exactly, and writes a new value with the cell’s old format', () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>任务分工</t></is></c><c r="B1" s="3"><v>1</v></c></row>';
    const out = patchSheetXml(sheet(rows), patches([[0, 1, { value: '完成' }]]));
    expect(out).toBe(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>任务分工</t></is></c><c r="B1" s="3" t="inlineStr"><is><t>完成</t></is></c></row>'));
  });
});

describe('patchSheetBytes with the header and footer', () => {
  it('writes the same part as patching the cells and then the header and footer', () => {
    const encode = (xml: string) => new TextEncoder().encode(xml);
    const cells = patches([[0, 0, { s: 4 }], [5, 1, { s: 2 }]]);
    for (const xml of [
      sheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
      sheet('<row r="1"/>').replace('<pageMargins left="0.7"/>', '<pageMargins left="0.7"/><headerFooter differentFirst="1"><oddHeader>旧</oddHeader><firstHeader>首</firstHeader></headerFooter>'),
      sheet('').replace('<sheetData></sheetData>', '<sheetData/>'),
    ]) {
      const together = patchSheetBytes(encode(xml), cells, headerFooterTail('&C标色说明', '截至 2022-09-15'));
      const apart = writeHeaderFooterBytes(patchSheetBytes(encode(xml), cells), '&C标色说明', '截至 2022-09-15');
      expect(new TextDecoder().decode(together)).toBe(new TextDecoder().decode(apart));
    }
  });
});

describe('writeHeaderFooterBytes', () => {
  const encode = (xml: string) => new TextEncoder().encode(xml);
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('takes the lines off again so a sheet that printed none comes back byte for byte', () => {
    const plain = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const printed = writeHeaderFooterBytes(encode(plain), '&C标色说明', '截至 2022-09-15');
    expect(decode(printed)).toContain('<headerFooter><oddHeader>&amp;C标色说明</oddHeader>');
    expect(decode(writeHeaderFooterBytes(printed, '', ''))).toBe(plain);
  });

  it('keeps an element that still holds other lines or attributes when its odd lines are cleared', () => {
    const withFirst = sheet('<row r="1"/>').replace('<pageMargins left="0.7"/>', '<pageMargins left="0.7"/><headerFooter><oddHeader>旧</oddHeader><firstHeader>首</firstHeader></headerFooter>');
    expect(decode(writeHeaderFooterBytes(encode(withFirst), '', ''))).toContain('<headerFooter><firstHeader>首</firstHeader></headerFooter>');
    const withAttrs = sheet('<row r="1"/>').replace('<pageMargins left="0.7"/>', '<pageMargins left="0.7"/><headerFooter alignWithMargins="0"><oddFooter>旧</oddFooter></headerFooter>');
    expect(decode(writeHeaderFooterBytes(encode(withAttrs), '', ''))).toContain('<headerFooter alignWithMargins="0"></headerFooter>');
  });
});
