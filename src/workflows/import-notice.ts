/**
 * Import from the notice: the 任务分工 table of a Word notice (.docx) is written to a NEW sheet of the open
 * workbook (任务分工, or the name asked for), then checked. One read for the sheet list, one write, then check's read.
 * An existing sheet is never written over: the default name steps on to 任务分工(2)…, a name asked for is refused.
 */
import { UserFacingError } from '../domain/errors';
import { assertSheetName as assertProductSheetName, isReservedSheetName } from '../domain/product-sheets';
import { readDocx } from '../domain/import/docx-document';
import { freeSheetName, IMPORT_SHEET_NAME, importSheetSpec, tableTitle } from '../domain/import/import-sheet';
import { findTaskTable } from '../domain/import/task-table';
import type { WorkbookHost } from '../ports/workbook-host';
import { runCheck, type CheckOptions, type CheckResult } from './check';

export interface ImportOptions extends Omit<CheckOptions, 'sheet' | 'probes'> {
  /** The new sheet's name; default 任务分工 (or 任务分工(2)… when taken). */
  sheet?: string;
}

export interface ImportResult {
  sheet: string;
  title: string;
  /** Rows written below the header. */
  rows: number;
  /** Document tables joined into the one (a table continued over pages). */
  parts: number;
  check: CheckResult;
}

const BAD_NAME = /[\\/?*[\]:]/;

function assertSheetName(name: string): void {
  // The reserved names get the product's own message (the same as for --name elsewhere).
  if (isReservedSheetName(name)) assertProductSheetName(name);
  if (!name.trim() || name.length > 31 || BAD_NAME.test(name) || /^'|'$/.test(name)) {
    throw new UserFacingError('import.bad_sheet_name', {
      zh: `工作表名称“${name}”不可用：不能为空、不超过 31 个字符，不能含有 \\ / ? * [ ] : 也不能以单引号开头或结尾`,
      en: `"${name}" cannot be a sheet name: it must not be empty or longer than 31 characters, contain \\ / ? * [ ] : or begin or end with an apostrophe`,
    });
  }
}

export async function runImportNotice(host: WorkbookHost, docx: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  if (options.sheet !== undefined) assertSheetName(options.sheet);
  // The document is read before the workbook, so a bad file changes nothing and costs no round trip.
  const doc = readDocx(docx);
  const table = findTaskTable(doc);
  if (!table || table.body.length === 0) {
    throw new UserFacingError('import.no_task_table', {
      zh: doc.tables.length
        ? `文档中的 ${doc.tables.length} 个表格都不像任务分工表（表头应有“牵头单位”“责任单位”“完成时限”等列）。未写入任何内容`
        : '文档中没有表格，找不到任务分工表。未写入任何内容',
      en: doc.tables.length
        ? `None of the document's ${doc.tables.length} tables looks like a task-allocation table (its header should name 牵头单位, 责任单位, 完成时限 or the like). Nothing was written`
        : 'The document has no table, so there is no task-allocation table to import. Nothing was written',
    });
  }
  const snapshot = await host.read();
  const taken = snapshot.sheets.map((s) => s.name);
  let name: string;
  if (options.sheet !== undefined) {
    if (taken.some((t) => t.toLowerCase() === options.sheet!.toLowerCase())) {
      throw new UserFacingError('import.sheet_exists', {
        zh: `已有名为“${options.sheet}”的工作表，导入不会覆盖它。请换一个名称`,
        en: `A sheet named "${options.sheet}" already exists and import never overwrites it. Choose another name`,
      });
    }
    name = options.sheet;
  } else name = freeSheetName(IMPORT_SHEET_NAME, taken);

  const title = tableTitle(table.before, doc.paragraphs);
  const spec = importSheetSpec(table, title, name);
  await host.apply([{ kind: 'sheet', spec }]);
  const { sheet: _sheet, ...checkOptions } = options;
  const check = await runCheck(host, { ...checkOptions, sheet: name });
  return { sheet: name, title, rows: table.body.length, parts: table.parts, check };
}
