/**
 * What the bytes of a would-be .xlsx are, told before any parser sees them: a renamed .xls, a password-protected
 * workbook, a CSV, a Word file, an .xlsb or a Strict Open XML workbook each get a message that names it. Pure code
 * (no Node APIs), shared by both xlsx hosts.
 */
import { UserFacingError } from '../domain/errors';
import { text } from '../domain/i18n';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** True when `needle` occurs in the bytes as UTF-16LE (how OLE2 directory entries store stream names). */
function containsUtf16(bytes: Uint8Array, needle: string): boolean {
  const pattern: number[] = [];
  for (let i = 0; i < needle.length; i++) pattern.push(needle.charCodeAt(i) & 0xff, needle.charCodeAt(i) >> 8);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/** Mostly printable characters in the first few KB: a CSV, TSV, HTML or XML export saved as .xlsx. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.length === 0) return false;
  let control = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  return control / head.length < 0.01;
}

export const NOT_XLSX_CODE = 'xlsx.not_xlsx';

/** Throws a UserFacingError unless the bytes are a zip archive (the container every .xlsx is). */
export function assertZipContainer(bytes: Uint8Array, fileLabel: string): void {
  if (bytes.length === 0) {
    throw new UserFacingError('xlsx.empty_file', text(`文件是空的（0 字节）：${fileLabel}`, `The file is empty (0 bytes): ${fileLabel}`));
  }
  if (startsWith(bytes, ZIP_SIGNATURE)) return;
  if (startsWith(bytes, OLE2_SIGNATURE)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new UserFacingError(
        'xlsx.encrypted',
        text(
          `这个工作簿设置了打开密码，无法读取：${fileLabel}。请在 Excel 中打开后，在“文件 > 信息 > 保护工作簿”中删除密码，另存后再试。`,
          `This workbook is password protected and cannot be read: ${fileLabel}. Open it in Excel, remove the password (File > Info > Protect Workbook), save and try again.`,
        ),
      );
    }
    throw new UserFacingError(
      'xlsx.legacy_xls',
      text(
        `这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx：${fileLabel}`,
        `This is an old-format .xls file; please save it as .xlsx in Excel: ${fileLabel}`,
      ),
    );
  }
  if (looksLikeText(bytes)) {
    throw new UserFacingError(
      'xlsx.text_file',
      text(
        `这是文本文件（如 CSV 或网页导出），不是 .xlsx 工作簿：${fileLabel}。请在 Excel 中打开后另存为“Excel 工作簿(*.xlsx)”。`,
        `This is a text file (CSV or a web export), not an .xlsx workbook: ${fileLabel}. Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
      ),
    );
  }
  throw new UserFacingError(
    NOT_XLSX_CODE,
    text(`不是 .xlsx 工作簿，无法读取：${fileLabel}`, `Not an .xlsx workbook, cannot read it: ${fileLabel}`),
  );
}

/**
 * The reader library's own words ("Cannot read properties of undefined", "invalid zip data") mean nothing to
 * a clerk and are not shown; the detail is passed for the debug log only.
 */
export function corruptFileError(fileLabel: string, _detail: string): UserFacingError {
  return new UserFacingError(
    'xlsx.corrupt',
    text(
      `文件已损坏或不完整，无法读取：${fileLabel}。请确认文件已完整下载或复制，或在 Excel 中打开修复后另存。`,
      `The file is damaged or incomplete and cannot be read: ${fileLabel}. Make sure it was fully downloaded or copied, or repair it in Excel and save again.`,
    ),
  );
}

/** Refuses a zip that is not a transitional SpreadsheetML package, given its part names and workbook.xml's text. */
export function assertSpreadsheetPackage(names: string[], workbookXml: string | null, fileLabel: string): void {
  const has = (name: string): boolean => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (!has('xl/workbook.xml')) {
    if (has('xl/workbook.bin')) {
      throw new UserFacingError(
        'xlsx.binary_workbook',
        text(`这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx：${fileLabel}`, `This is an Excel binary workbook (.xlsb); please save it as .xlsx: ${fileLabel}`),
      );
    }
    const what = has('word/document.xml')
      ? text('Word 文档', 'a Word document')
      : has('ppt/presentation.xml')
        ? text('PowerPoint 演示文稿', 'a PowerPoint presentation')
        : text('压缩包', 'a zip archive');
    throw new UserFacingError(
      NOT_XLSX_CODE,
      text(`这是${what.zh}，不是 Excel 工作簿：${fileLabel}`, `This is ${what.en}, not an Excel workbook: ${fileLabel}`),
    );
  }

  // "Strict Open XML" workbooks use other namespaces; ExcelJS would read them as empty rather than fail.
  if (workbookXml?.includes('purl.oclc.org/ooxml/spreadsheetml/main')) {
    throw new UserFacingError(
      'xlsx.strict_ooxml',
      text(
        `这是“Strict Open XML 电子表格”格式，无法读取：${fileLabel}。请在 Excel 中另存为“Excel 工作簿(*.xlsx)”。`,
        `This is a "Strict Open XML Spreadsheet", which cannot be read: ${fileLabel}. Save it in Excel as "Excel Workbook (*.xlsx)".`,
      ),
    );
  }
}
