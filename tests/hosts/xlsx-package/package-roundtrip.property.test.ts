/**
 * Random workbooks — shared and inline strings with Excel's escapes, rich text, numbers including 17-digit
 * serials, booleans, errors, formulas with cached values, date formats, merges — read as written, and survive
 * read → colour + state → write → read with every value and every raw cell (its `s` aside) unchanged.
 */
import fc from 'fast-check';
import { serialToIso } from '../../../src/domain/dates';
import type { CellValue } from '../../../src/domain/types';
import { PackageHost } from '../../../src/hosts/xlsx-package/package-host';
import { encodeExcelText, escapeXml } from '../../../src/hosts/xlsx-package/xml-text';
import { inflateEntry, newEntry, readZip, writeZip } from '../../../src/hosts/xlsx-package/zip';
import { cellAddress } from '../../../src/domain/address';

type Kind =
  | { k: 'shared'; v: string }
  | { k: 'rich'; a: string; b: string }
  | { k: 'inline'; v: string }
  | { k: 'number'; v: string }
  | { k: 'date'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'error'; v: string }
  | { k: 'formula'; v: number };

const piece = fc.constantFrom('任务', 'a', ' ', '_x0041_', '_x000D_', '\r', '\n', '\t', '\u0001', '&', '<', '>', '"', '😀', '编号', '=SUM(A1)', '-1');
const str = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((n) => String(n)),
  fc.constantFrom('44562.99999999999', '44773.395833333336', '0.30000000000000004', '1E-3', '12345678901234567'),
);
const kind: fc.Arbitrary<Kind> = fc.oneof(
  str.map((v) => ({ k: 'shared' as const, v })),
  fc.tuple(str, str).map(([a, b]) => ({ k: 'rich' as const, a, b })),
  str.map((v) => ({ k: 'inline' as const, v })),
  numberText.map((v) => ({ k: 'number' as const, v })),
  fc.double({ min: 1, max: 2_958_465, noNaN: true }).map((v) => ({ k: 'date' as const, v })),
  fc.boolean().map((v) => ({ k: 'bool' as const, v })),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!').map((v) => ({ k: 'error' as const, v })),
  fc.integer({ min: -1000, max: 1000 }).map((v) => ({ k: 'formula' as const, v })),
);
const cells = fc.uniqueArray(fc.record({ row: fc.integer({ min: 0, max: 15 }), col: fc.integer({ min: 0, max: 6 }), kind }), {
  selector: (c) => `${c.row},${c.col}`,
  minLength: 1,
  maxLength: 40,
});

const t = (s: string): string => `<t xml:space="preserve">${escapeXml(encodeExcelText(s))}</t>`;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function build(list: { row: number; col: number; kind: Kind }[]): { bytes: Uint8Array; expected: Map<string, CellValue> } {
  const shared: string[] = [];
  const expected = new Map<string, CellValue>();
  const byRow = new Map<number, typeof list>();
  for (const c of [...list].sort((a, b) => a.row - b.row || a.col - b.col)) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const rows: string[] = [];
  for (const [r, rowCells] of byRow) {
    const xml = rowCells.map(({ row, col, kind: k }) => {
      const ref = cellAddress(row, col);
      let value: CellValue;
      let c: string;
      switch (k.k) {
        case 'shared':
          shared.push(`<si>${t(k.v)}</si>`);
          c = `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
          value = k.v;
          break;
        case 'rich':
          shared.push(`<si><r><rPr><b/></rPr>${t(k.a)}</r><r>${t(k.b)}</r><rPh sb="0" eb="1"><t>ピン</t></rPh></si>`);
          c = `<c r="${ref}" s="2" t="s"><v>${shared.length - 1}</v></c>`;
          value = k.a + k.b;
          break;
        case 'inline':
          c = `<c r="${ref}" t="inlineStr"><is>${t(k.v)}</is></c>`;
          value = k.v;
          break;
        case 'number':
          c = `<c r="${ref}"><v>${k.v}</v></c>`;
          value = Number(k.v);
          break;
        case 'date':
          c = `<c r="${ref}" s="1"><v>${k.v}</v></c>`;
          value = { kind: 'date', iso: serialToIso(k.v), serial: k.v };
          break;
        case 'bool':
          c = `<c r="${ref}" t="b"><v>${k.v ? 1 : 0}</v></c>`;
          value = k.v;
          break;
        case 'error':
          c = `<c r="${ref}" t="e"><v>${escapeXml(k.v)}</v></c>`;
          value = { kind: 'error', code: k.v };
          break;
        case 'formula':
          c = `<c r="${ref}"><f>1+${k.v}</f><v>${k.v + 1}</v></c>`;
          value = k.v + 1;
          break;
      }
      if (value !== '') expected.set(`${row},${col}`, value);
      return c;
    });
    rows.push(`<row r="${r + 1}">${xml.join('')}</row>`);
  }
  // A merged area below the random cells: only its master holds a value.
  rows.push('<row r="20"><c r="A20" t="inlineStr"><is><t>合并</t></is></c><c r="B20" t="inlineStr"><is><t>被覆盖</t></is></c></row>');
  expected.set('19,0', '合并');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}"><fonts count="2"><font><sz val="11"/><color theme="1"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="${shared.length}" uniqueCount="${shared.length}">${shared.join('')}</sst>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${rows.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A20:C21"/></mergeCells></worksheet>`,
  };
  const bytes = writeZip(Object.entries(parts).map(([name, xml]) => newEntry(name, encoder.encode(xml), { time: 0, date: 33 })));
  return { bytes, expected };
}

function gridValues(grid: NonNullable<Awaited<ReturnType<PackageHost['read']>>['grid']>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && out.set(`${r + grid.originRow},${c + grid.originCol}`, v)));
  return out;
}

function rawCells(bytes: Uint8Array): string[] {
  const xml = decoder.decode(inflateEntry(readZip(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!));
  return [...xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].filter((m) => m[2]).map((m) => m[1].replace(/\ss="\d+"/, '') + m[2]);
}

describe('random workbooks through the package host', () => {
  it('read as written, and survive colour + state + write unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(cells, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 6 }), async (list, top, left) => {
        const { bytes, expected } = build(list);
        const host = PackageHost.open(bytes);
        const before = (await host.read()).grid!;
        expect(gridValues(before)).toEqual(expected);
        expect(before.merges).toEqual([{ top: 19, left: 0, bottom: 20, right: 2 }]);
        await host.apply([
          { kind: 'colour', sheet: '表', ranges: [{ top, left, bottom: top + 3, right: left + 2 }], fill: '#FFC7CE', font: '#9C0006' },
          { kind: 'state', text: '{"v":1}' },
        ]);
        const out = host.toBytes();
        const again = PackageHost.open(out);
        const after = await again.read();
        expect(after.grid).toEqual(before);
        expect(after.stateText).toBe('{"v":1}');
        const styles = await again.readStyles('表', [{ top, left, bottom: top, right: left }]);
        expect([styles[0].fill, styles[0].font]).toEqual(['#FFC7CE', '#9C0006']);
        // Inserted cells are empty (`<c r s/>`), so the cells with content are the input's, in the same order.
        expect(rawCells(out)).toEqual(rawCells(bytes));
      }),
      { numRuns: 60 },
    );
  });
});
