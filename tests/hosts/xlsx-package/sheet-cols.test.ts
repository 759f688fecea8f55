/** Column widths in a worksheet's `<cols>`: read per column, and set by rewriting only that element. */
import { patchColumnWidths, readColumnWidths } from '../../../src/hosts/xlsx-package/sheet-cols';

const sheet = (cols: string, prefix = '') =>
  `<?xml version="1.0"?><${prefix}worksheet><${prefix}sheetFormatPr defaultRowHeight="15"/>${cols}<${prefix}sheetData><${prefix}row r="1"/></${prefix}sheetData></${prefix}worksheet>`;

describe('readColumnWidths', () => {
  it('gives each column its width, spans spread, columns without one undefined', () => {
    const xml = sheet('<cols><col min="1" max="1" width="14" customWidth="1"/><col min="3" max="4" width="9.5" style="2"/><col min="5" max="5" style="3"/></cols>');
    expect(readColumnWidths(xml, 5)).toEqual([14, undefined, 9.5, 9.5, undefined, undefined]);
  });

  it('reads nothing from a sheet without <cols>, and a span to the last column only as far as asked', () => {
    expect(readColumnWidths(sheet(''), 1)).toEqual([undefined, undefined]);
    expect(readColumnWidths(sheet('<cols><col min="2" max="16384" width="20"/></cols>'), 2)).toEqual([undefined, 20, 20]);
  });
});

describe('patchColumnWidths', () => {
  it('adds <cols> before sheetData when the sheet has none, the rest as it was', () => {
    const xml = sheet('');
    const out = patchColumnWidths(xml, [{ col: 7, width: 36 }, { col: 6, width: 14 }]);
    expect(out).toBe(sheet('<cols><col min="7" max="7" width="14" customWidth="1"/><col min="8" max="8" width="36" customWidth="1"/></cols>'));
  });

  it('splits a span around the column it sets, every piece keeping its style; untouched elements are kept as written', () => {
    const xml = sheet('<cols><col min="1" max="1" width="14" customWidth="1"/><col min="3" max="10" width="9" style="5" customWidth="1"/></cols>');
    const out = patchColumnWidths(xml, [{ col: 5, width: 20 }]);
    expect(out).toBe(
      sheet(
        '<cols><col min="1" max="1" width="14" customWidth="1"/><col min="3" max="5" width="9" style="5" customWidth="1"/>' +
          '<col min="6" max="6" width="20" customWidth="1" style="5"/><col min="7" max="10" width="9" style="5" customWidth="1"/></cols>',
      ),
    );
    expect(readColumnWidths(out, 9)).toEqual([14, undefined, 9, 9, 9, 20, 9, 9, 9, 9]);
  });

  it('writes under the sheet’s namespace prefix and replaces an empty <cols/>', () => {
    const out = patchColumnWidths(sheet('<x:cols/>', 'x:'), [{ col: 0, width: 12 }]);
    expect(out).toBe(sheet('<x:cols><x:col min="1" max="1" width="12" customWidth="1"/></x:cols>', 'x:'));
  });
});
