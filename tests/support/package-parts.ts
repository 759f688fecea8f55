/**
 * What the package host's byte-identity tests share: a workbook holding what ExcelJS loses (an Excel table, a
 * macrosheet, a sensitivity label, a webextension, a chartEx, dynamic-array metadata, Excel's text escapes and a
 * 17-digit serial), built from an ExcelJS file with parts injected, and the check that a change left every part
 * and every clerk cell it does not concern as it was.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { PackageHost } from '../../src/hosts/xlsx-package/package-host';
import { inflateEntry, newEntry, readZip, writeZip, type ZipEntry } from '../../src/hosts/xlsx-package/zip';

const ROOT = path.resolve(__dirname, '../..');
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export const INJECTED: Record<string, [string, string]> = {
  'xl/tables/table1.xml': [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="表1" displayName="表1" ref="A1:B3" headerRowCount="0" totalsRowShown="1"><tableColumns count="2"><tableColumn id="1" name="列1"/><tableColumn id="2" name="列2"><calculatedColumnFormula>表1[[#This Row],[列1]]*2</calculatedColumnFormula></tableColumn></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
  ],
  'xl/macrosheets/sheet1.xml': ['application/vnd.ms-excel.macrosheet+xml', '<?xml version="1.0" encoding="UTF-8"?>\n<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData/></xm:macrosheet>'],
  'docProps/custom.xml': [
    'application/vnd.openxmlformats-officedocument.custom-properties+xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_0000_Enabled"><vt:lpwstr>true</vt:lpwstr></property></Properties>',
  ],
  'xl/webextensions/webextension1.xml': ['application/vnd.ms-office.webextension+xml', '<?xml version="1.0" encoding="UTF-8"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{00000000-0000-0000-0000-000000000001}"><we:reference id="wa000000000" version="1.0.0.0" store="zh-CN" storeType="OMEX"/></we:webextension>'],
  'xl/charts/chartEx1.xml': ['application/vnd.ms-office.chartex+xml', '<?xml version="1.0" encoding="UTF-8"?>\n<cx:chartSpace xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex"><cx:chartData/></cx:chartSpace>'],
  'xl/metadata.xml': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes></metadata>'],
};

export const TRICKY_TEXT = '编号_x005F_x0041_原样_x000D_第二行';
export const TRICKY_SERIAL = '44562.99999999999';

export async function trickyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(ROOT, 'samples/liangjiang-2022.xlsx'));
  const notes = wb.addWorksheet('备注');
  notes.getCell('A1').value = 'PLACEHOLDER_TEXT';
  notes.getCell('A2').value = 12345.678;
  notes.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm:ss';
  const entries = readZip(new Uint8Array(await wb.xlsx.writeBuffer()));
  const out: ZipEntry[] = entries.map((e) => {
    let t = decoder.decode(inflateEntry(e));
    if (e.name === 'xl/sharedStrings.xml') t = t.replace('PLACEHOLDER_TEXT', TRICKY_TEXT);
    else if (e.name.startsWith('xl/worksheets/') && t.includes('<v>12345.678</v>')) t = t.replace('<v>12345.678</v>', `<v>${TRICKY_SERIAL}</v>`);
    else if (e.name === '[Content_Types].xml') {
      const overrides = Object.entries(INJECTED).map(([name, [type]]) => `<Override PartName="/${name}" ContentType="${type}"/>`).join('');
      t = t.replace('</Types>', `${overrides}</Types>`);
    } else return e;
    return newEntry(e.name, encoder.encode(t), e);
  });
  for (const [name, [, xml]] of Object.entries(INJECTED)) out.push(newEntry(name, encoder.encode(xml), { time: 0, date: 33 }));
  return writeZip(out);
}

/** Every cell of a sheet part as written, its `s` attribute left out: what a colour change must not touch. */
export function rawCells(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1].replace(/\ss="\d+"/, '');
    const ref = /\sr="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? '';
    const inner = m[2] ?? '';
    if (inner) cells.set(ref, `${attrs.replace(/\sr="[^"]*"/, '')}|${inner}`);
  }
  return cells;
}

export function byName(bytes: Uint8Array): Map<string, ZipEntry> {
  return new Map(readZip(bytes).map((e) => [e.name, e]));
}

export function text(e: ZipEntry | undefined): string {
  return e ? decoder.decode(inflateEntry(e)) : '';
}

/** Parts a change may touch: the package's index, the workbook and its relationships, styles, and sheets. */
const STRUCTURE = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);

/**
 * Every part of `input` other than the package's index, the workbook, its relationships, styles and the patched
 * sheets is in `output` byte for byte; every cell of the patched sheets reads the same from the raw XML, apart
 * from the cells `written` names (part → A1 references) — the ones the product owns.
 */
export function expectOnlyConcernedPartsChanged(input: Uint8Array, output: Uint8Array, patchedSheets: string[], written: Record<string, string[]> = {}): void {
  const before = byName(input);
  const after = byName(output);
  for (const [name, e] of before) {
    if (STRUCTURE.has(name) || patchedSheets.includes(name)) continue;
    const o = after.get(name);
    if (!o) {
      // Only a product sheet the change replaced may go (with its relationships).
      expect(name).toMatch(/^xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$/);
      continue;
    }
    expect({ name, bytes: Buffer.from(o.compressed).equals(Buffer.from(e.compressed)), crc: o.crc }).toEqual({ name, bytes: true, crc: e.crc });
  }
  // Every value of every sheet the input had reads the same from the raw XML.
  for (const name of patchedSheets) {
    const own = new Set(written[name] ?? []);
    const clerk = (cells: Map<string, string>) => new Map([...cells].filter(([ref]) => !own.has(ref)));
    expect(clerk(rawCells(text(after.get(name))))).toEqual(clerk(rawCells(text(before.get(name)))));
  }
}

/** The part of the tricky workbook's 任务分工 sheet. */
export function taskSheetPart(bytes: Uint8Array): string {
  const host = PackageHost.open(bytes);
  return (host as unknown as { live: { name: string; part: string }[] }).live.find((s) => s.name === '任务分工')!.part;
}

/** Whether LibreOffice is installed (its conversion checks are skipped otherwise). */
export const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

