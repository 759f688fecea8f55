/**
 * Looks at a file's bytes and its zip parts before ExcelJS sees them: refuses what is not an .xlsx with a
 * message that names what it is (an old .xls, a password-protected workbook, a CSV…), and lists the content
 * ExcelJS would silently drop on save (found by experiment with ExcelJS 4.4: it keeps cells, styles, merges,
 * column widths, data validation, conditional formats, tables, images and notes, and rebuilds the package
 * from its own model, so every other part is lost — and so are the x14 extensions it does not parse, such as
 * sparklines and dropdowns whose list is on another sheet).
 */
import { UserFacingError } from '../../domain/errors';
import { text } from '../../domain/i18n';
import type { LocalText } from '../../domain/types';
import { assertSpreadsheetPackage, assertZipContainer, corruptFileError, NOT_XLSX_CODE } from '../package-sniff';

export { assertZipContainer, corruptFileError, NOT_XLSX_CODE };

// JSZip ships with ExcelJS (its own zip reader); requiring it avoids a second zip library.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip') as JSZipStatic;

interface JSZipObject {
  name: string;
  dir: boolean;
  async(type: 'string'): Promise<string>;
}
interface JSZipArchive {
  files: Record<string, JSZipObject>;
  file(name: string): JSZipObject | null;
}
interface JSZipStatic {
  loadAsync(data: Uint8Array): Promise<JSZipArchive>;
}

/** A kind of content ExcelJS drops, how to recognise its parts, and what to tell the clerk. */
interface DroppedContent {
  part: RegExp;
  /** Optional text inside the part that must also be present (drawings hold images, which survive). */
  inside?: RegExp;
  message: LocalText;
}

const DROPPED_PARTS: DroppedContent[] = [
  { part: /^xl\/charts\/chart\d*\.xml$/i, message: text('图表', 'charts') },
  { part: /^xl\/chartsheets\//i, message: text('图表工作表', 'chart sheets') },
  { part: /^xl\/pivot(Tables|Cache)\//i, message: text('数据透视表', 'pivot tables') },
  { part: /^xl\/vbaProject\.bin$/i, message: text('宏（VBA 代码）', 'macros (VBA code)') },
  { part: /^xl\/(slicers|slicerCaches)\//i, message: text('切片器', 'slicers') },
  { part: /^xl\/timelines?\//i, message: text('日程表（时间线筛选器）', 'timelines') },
  { part: /^xl\/externalLinks\//i, message: text('指向其他工作簿的外部链接', 'links to other workbooks') },
  { part: /^customXml\//i, message: text('自定义 XML 数据', 'custom XML parts') },
  { part: /^xl\/(ctrlProps|activeX)\//i, message: text('表单控件或 ActiveX 控件', 'form or ActiveX controls') },
  { part: /^xl\/embeddings\//i, message: text('嵌入的对象（OLE）', 'embedded (OLE) objects') },
  { part: /^xl\/(threadedComments|persons)\//i, message: text('新式批注（对话式批注）', 'threaded comments') },
  { part: /^xl\/(connections\.xml|queryTables\/|model\/)/i, message: text('数据连接、查询或数据模型', 'data connections, queries or the data model') },
  { part: /^xl\/diagrams\//i, message: text('SmartArt 图形', 'SmartArt graphics') },
  { part: /^xl\/drawings\/drawing\d*\.xml$/i, inside: /<xdr:sp[\s>]|<xdr:cxnSp[\s>]/, message: text('形状或文本框', 'shapes or text boxes') },
  { part: /^xl\/worksheets\/sheet\d*\.xml$/i, inside: /sparklineGroup/, message: text('迷你图', 'sparklines') },
  { part: /^xl\/workbook\.xml$/i, inside: /<workbookProtection[\s>/]/, message: text('工作簿结构保护（密码）', 'workbook structure protection (password)') },
  { part: /^docProps\/custom\.xml$/i, message: text('文档自定义属性（如密级或敏感度标签）', 'custom document properties (such as sensitivity labels)') },
  // Excel 2010+ writes a dropdown whose list lives on another sheet as an x14 extension, which ExcelJS ignores.
  {
    part: /^xl\/worksheets\/sheet\d*\.xml$/i,
    inside: /<x14:dataValidation[\s>]/,
    message: text('引用其他工作表的下拉列表（数据验证）', 'dropdowns (data validation) whose list is on another sheet'),
  },
];

/** What is inside the package, read once at open time. */
export interface PackageInspection {
  /**
   * The content a save through ExcelJS would lose, looked for on the first call only: it inflates every
   * worksheet part a second time beside ExcelJS's own load, which a command that never saves need not pay.
   */
  risks(): Promise<LocalText[]>;
  themeXml: string | null;
  stylesXml: string | null;
}

/** Each part is inflated at most once per call, however many checks look inside it. */
function partReader(zip: JSZipArchive): (name: string) => Promise<string> {
  const texts = new Map<string, string>();
  return async (name) => {
    let t = texts.get(name);
    if (t === undefined) texts.set(name, (t = await zip.files[name].async('string')));
    return t;
  };
}

async function droppedContent(zip: JSZipArchive, names: string[]): Promise<LocalText[]> {
  const partText = partReader(zip);
  const risks: LocalText[] = [];
  for (const kind of DROPPED_PARTS) {
    const parts = names.filter((n) => kind.part.test(n));
    let found = false;
    for (const name of parts) {
      found = !kind.inside || kind.inside.test(await partText(name));
      if (found) break;
    }
    if (found) risks.push(kind.message);
  }
  return risks;
}

/**
 * Opens the zip (central directory only; parts are inflated only where a check needs their text) and
 * refuses packages that are not spreadsheets; `risks()` lists the content a save through ExcelJS would lose.
 */
export async function inspectPackage(bytes: Uint8Array, fileLabel: string): Promise<PackageInspection> {
  let zip: JSZipArchive;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw corruptFileError(fileLabel, e instanceof Error ? e.message : String(e));
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const partText = partReader(zip);
  const workbookName = names.find((n) => n.toLowerCase() === 'xl/workbook.xml');
  assertSpreadsheetPackage(names, workbookName ? await partText(workbookName) : null, fileLabel);
  const optionalPart = async (pattern: RegExp): Promise<string | null> => {
    const name = names.find((n) => pattern.test(n));
    return name ? partText(name) : null;
  };
  let risks: Promise<LocalText[]> | undefined;
  return {
    risks: () => (risks ??= droppedContent(zip, names)),
    themeXml: await optionalPart(/^xl\/theme\/theme1\.xml$/i),
    stylesXml: await optionalPart(/^xl\/styles\.xml$/i),
  };
}

/** The message shown when saving would lose content: names everything that would be lost. */
export function roundTripRefusal(risks: LocalText[]): UserFacingError {
  return new UserFacingError(
    'xlsx.would_lose_content',
    text(
      `这个工作簿包含命令行工具保存时会丢失的内容：${risks.map((r) => r.zh).join('、')}。为避免丢失，未写入任何文件。请在 Excel 中使用任务分工助手加载项，或确认可以丢失这些内容后加 --force 重新运行。`,
      `This workbook contains content the command-line tool would lose on save: ${risks.map((r) => r.en).join(', ')}. Nothing was written. Use the add-in inside Excel, or re-run with --force if losing it is acceptable.`,
    ),
  );
}
