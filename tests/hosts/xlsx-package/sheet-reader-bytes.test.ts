/** The sheet read from its bytes gives the model the text reader gives, and the text around the cells. */
import { readSheetBytes, readSheetXml } from '../../../src/hosts/xlsx-package/sheet-reader';
import { StyleSheet } from '../../../src/hosts/xlsx-package/styles';

const styles = new StyleSheet(
  '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="0"/></cellXfs></styleSheet>',
);
const ctx = { sharedStrings: () => ['任务一', 'two & three'], styles, date1904: false };
const encode = (xml: string) => new TextEncoder().encode(xml);

const sheet = (rows: string, p = '', around = { head: '', tail: '' }) =>
  `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet xmlns="x">${around.head}<${p}sheetData>${rows}</${p}sheetData>${around.tail}</${p}worksheet>`;

const cases: [string, string][] = [
  [
    'shared, inline and formula strings, numbers, dates, booleans, errors, escapes',
    sheet(
      '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>完成</t></r><r><t xml:space="preserve"> 情况_x000D_</t></r></is></c>' +
        '<c r="C1" s="1"><v>44773.395833333336</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><f>A1</f><v>a&amp;b</v></c></row>' +
        '<row r="3" hidden="1" customFormat="1" s="2"><c r="B3" s="2"/><c r="A3" t="s"><v>1</v></c></row><row r="4"/><row r="5" spans="1:2" hidden="true" /><row r="6" x14ac:dyDescent="0.25"><c r="A6" t="n"><v> </v></c></row>',
      '',
      { head: '<cols><col min="2" max="3" width="9" style="2"/></cols>', tail: '<mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells><headerFooter><oddHeader>&amp;C页眉</oddHeader></headerFooter>' },
    ),
  ],
  ['rows and cells without r, a prefixed part', sheet('<x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row><x:row><x:c/><x:c><x:v>2</x:v></x:c></x:row>', 'x:')],
  [
    'attributes spaced, quoted and ordered every way, long digit runs, values followed by white space, elements other than cells in a row',
    sheet(
      "<row r='2' ><c  s = '1'  r = 'B2' cm=\"1\"><v>44562.99999999999</v></c><c t=\"s\" r=\"C2\" vm=\"1\"><v>1</v> </c><c r=\"D2\"><v>123456789012345678</v></c>" +
        '<c r="E2" s=" 2"><v>007</v></c><c r="F2"><f>1+1</f><v>2</v></c><c r="G2" t="s"><v> 0 </v></c><c r="H2"></c><extLst><ext uri="x"><c r="Z9"><v>9</v></c></ext></extLst></row>' +
        '<row r="7"><c r="A7"><v>1E3</v></c><c r="B7" t="d"><v>2022-07-31</v></c><c r="C7" t="str"><v>&lt;b&gt;</v></c></row>',
    ),
  ],
  ['a BOM and an empty sheetData', `\uFEFF${sheet('').replace('<sheetData></sheetData>', '<sheetData/>')}`],
];

describe('readSheetBytes', () => {
  it.each(cases)('%s', (_name, xml) => {
    const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
    const read = readSheetBytes(encode(xml), ctx);
    expect(read.model).toEqual(readSheetXml(text, ctx));
    expect(read.head).toBe(text.slice(0, text.search(/<(?:\w+:)?sheetData\b/)));
    expect(read.outside).toContain(read.head);
    expect(read.outside).not.toContain('<row');
  });

  it('reads the cells of a sheet whose rows hold text beyond ASCII and a row attribute with an entity', () => {
    const xml = sheet('<row r="&#50;"><c r="A2" t="inlineStr"><is><t>一二三</t></is></c></row>');
    expect(readSheetBytes(encode(xml), ctx).model).toEqual(readSheetXml(xml, ctx));
    expect(readSheetBytes(encode(xml), ctx).model.rows.get(1)?.values).toEqual(['一二三']);
  });

  it.each([
    ['a cell not closed before its row ends', sheet('<row r="1"><c r="A1"><v>1</v></row><row r="2"><c r="A2"><v>2</v></c></row>')],
    ['a row not closed', sheet('<row r="1"><c r="A1"><v>1</v></c>')],
  ])('refuses %s', (_name, xml) => {
    expect(() => readSheetBytes(encode(xml), ctx)).toThrow(/not closed/);
  });
});
