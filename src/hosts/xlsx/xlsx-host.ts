/**
 * WorkbookHost over ExcelJS: the CLI's and the tests' workbook. Opening sniffs the bytes first (a renamed
 * .xls, a password-protected file or a CSV gets a message naming it, never an ExcelJS stack trace); what
 * ExcelJS would drop on save is looked for when a save (or roundTripRisks) first asks, and `save` refuses to
 * lose that content unless opened with `force`.
 */
import ExcelJS from 'exceljs';
import { parseAddress } from '../../domain/address';
import { isUserFacingError } from '../../domain/errors';
import { headerFooterCode, parseHeaderFooterCode, type SheetSpec } from '../../domain/sheet-spec';
import type { CellRange, CellStyle, CellValue, LocalText, SheetGrid } from '../../domain/types';
import { chunkStateText, placeStateSheet, type StateSheetPlace } from '../../domain/workbook-state';
import { probeKey } from '../../ports/workbook-host';
import type {
  CellProbe,
  CellWrite,
  HostCapabilities,
  ReadRequest,
  SheetInfo,
  SheetLook,
  WorkbookChange,
  WorkbookHost,
  WorkbookSnapshot,
} from '../../ports/workbook-host';
import {
  OFFICE_THEME,
  type ThemePalette,
  colourToken,
  defaultFontFromStylesXml,
  normaliseFill,
  parseColourToken,
  resolveColour,
  themePaletteFromXml,
} from './colour-token';
import { type FileKeep, readInputFile, writeFileAtomically } from '../node-file';
import { assertZipContainer, corruptFileError, inspectPackage, roundTripRefusal } from './package-inspection';
import { plainValue, readGrid } from './read-grid';
import { DATE_FORMAT, invalidRange, unknownSheet, validateChanges } from '../spec-rules';
import { isValidRange } from '../../domain/sheet-spec-rules';
import { argb, excelValue, writeSpecSheet, writeSpecsToWorkbook } from './sheet-writer';

export { writeSpecsToWorkbook };

export interface OpenOptions {
  /** Allow saving even though content ExcelJS cannot keep (charts, pivots, macros…) will be lost. */
  force?: boolean;
}

function* cellsOf(r: CellRange): Generator<[number, number]> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield [row, col];
}

/**
 * A cell's style, read without creating the cell (ws.getCell would add rows and cells to the sheet): a cell the
 * file does not hold shows its row's, else its column's fill and font, as ExcelJS gives a cell it creates.
 */
function styleAt(ws: ExcelJS.Worksheet, row: number, col: number): Partial<ExcelJS.Style> {
  const cell = ws.findCell(row, col);
  if (cell) return cell.style ?? {};
  const rowStyle = ws.findRow(row);
  const colStyle = ws.columns?.[col - 1];
  const style: Partial<ExcelJS.Style> = {};
  const fill = rowStyle?.fill || colStyle?.fill;
  const font = rowStyle?.font || colStyle?.font;
  if (fill) style.fill = fill;
  if (font) style.font = font;
  return style;
}

/** Column widths up to the grid's right edge, and the font most cells with a value carry (as the package host says it). */
function sheetLook(ws: ExcelJS.Worksheet, grid: SheetGrid): SheetLook {
  const columnWidths: (number | undefined)[] = [];
  const lastCol = grid.originCol + (grid.values[0]?.length ?? 0) - 1;
  for (let c = 0; c <= lastCol; c++) columnWidths.push(ws.getColumn(c + 1).width);
  const counts = new Map<string, number>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const name = cell.font?.name;
      if (name && cell.value !== null && cell.value !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
    }),
  );
  let fontName: string | undefined;
  let most = 0;
  for (const [name, n] of counts) if (n > most) [fontName, most] = [name, n];
  return fontName ? { columnWidths, fontName } : { columnWidths };
}

export class XlsxHost implements WorkbookHost {
  readonly capabilities: HostCapabilities = { host: 'xlsx', apiVersion: null, readsMerges: true, charts: false, headerFooter: true };

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** Content a save would lose (package-inspection looks for it on the first call). */
    private readonly risks: () => Promise<LocalText[]>,
    private readonly theme: ThemePalette,
    private readonly defaultFont: Partial<ExcelJS.Font>,
    private readonly force: boolean,
  ) {}

  /** Opens a file path or the bytes of an .xlsx; throws UserFacingError (zh-CN first) for anything unreadable. */
  static async open(pathOrBytes: string | Uint8Array, options: OpenOptions = {}): Promise<XlsxHost> {
    const label = typeof pathOrBytes === 'string' ? pathOrBytes : '（内存中的文件）';
    const bytes = typeof pathOrBytes === 'string' ? await readInputFile(pathOrBytes) : pathOrBytes;
    assertZipContainer(bytes, label);
    const inspection = await inspectPackage(bytes, label);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
    } catch (e) {
      if (isUserFacingError(e)) throw e;
      throw corruptFileError(label, e instanceof Error ? e.message : String(e));
    }
    const theme = themePaletteFromXml(inspection.themeXml);
    return new XlsxHost(workbook, inspection.risks, theme, defaultFontFromStylesXml(inspection.stylesXml), options.force ?? false);
  }

  /** Wraps a workbook built in memory (tests, split); it has nothing ExcelJS could lose. */
  static fromWorkbook(wb: ExcelJS.Workbook): XlsxHost {
    return new XlsxHost(wb, async () => [], OFFICE_THEME, defaultFontFromStylesXml(null), false);
  }

  /** Content in the opened file that saving through ExcelJS would drop, one entry per kind. */
  async roundTripRisks(): Promise<LocalText[]> {
    return [...(await this.risks())];
  }

  async read(request: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const sheets: SheetInfo[] = this.workbook.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state ?? 'visible' }));
    const activeSheet = this.activeSheetName();
    const wanted = request.sheet ?? activeSheet;
    const ws = this.findSheet(wanted);
    const state = this.stateSheetPlace();
    const snapshot: WorkbookSnapshot = { sheets, activeSheet, grid: ws ? readGrid(ws) : null, stateText: state.stateText, stateSheet: state.sheet };
    if (ws) snapshot.headerFooter = { header: parseHeaderFooterCode(ws.headerFooter?.oddHeader ?? ''), footer: parseHeaderFooterCode(ws.headerFooter?.oddFooter ?? '') };
    if (request.probes) snapshot.probes = this.readProbes(request.probes);
    if (request.look && ws && snapshot.grid) snapshot.look = sheetLook(ws, snapshot.grid);
    return snapshot;
  }

  /** The probed cells of sheets that exist (a probe on a missing sheet or a bad address is left unanswered). */
  private readProbes(probes: CellProbe[]): Record<string, CellValue> {
    const answers: Record<string, CellValue> = {};
    for (const probe of probes) {
      const ws = this.findSheet(probe.sheet);
      const cell = parseAddress(probe.address);
      if (!ws || !cell) continue;
      answers[probeKey(probe)] = plainValue(ws.findCell(cell.top + 1, cell.left + 1)?.value);
    }
    return answers;
  }

  async readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
    const ws = this.sheet(sheet);
    const bad = ranges.find((r) => !isValidRange(r));
    if (bad) throw invalidRange(sheet, bad);
    const out: CellStyle[] = [];
    for (const r of ranges) {
      for (const [row, col] of cellsOf(r)) {
        const style = styleAt(ws, row + 1, col + 1);
        out.push({
          row,
          col,
          fill: normaliseFill(style.fill, this.theme),
          font: resolveColour(style.font?.color, this.theme),
          token: colourToken(style),
        });
      }
    }
    return out;
  }

  async apply(changes: WorkbookChange[]): Promise<void> {
    const stateSheet = changes.some((c) => c.kind === 'state') ? this.stateSheetPlace() : null;
    validateChanges(this.workbook.worksheets.map((ws) => ws.name), changes, stateSheet?.writeName);
    const active = this.activeSheetName();
    for (const change of changes) {
      switch (change.kind) {
        case 'colour':
          this.colour(change.sheet, change.ranges, change.fill, change.font);
          break;
        case 'restore':
          this.restore(change.sheet, change.styles);
          break;
        case 'state':
          this.writeState(change.text, stateSheet!);
          break;
        case 'sheet':
          this.putSheet(change.spec, change.replaces ?? null);
          break;
        case 'cells':
          this.writeCells(change.sheet, change.writes);
          break;
        case 'deleteSheet':
          this.workbook.removeWorksheet(this.sheet(change.sheet).id);
          break;
        case 'columnWidths': {
          const ws = this.sheet(change.sheet);
          for (const w of change.widths) ws.getColumn(w.col + 1).width = w.width;
          break;
        }
        case 'headerFooter': {
          // The header and footer for all pages (<oddHeader>/<oddFooter>); an empty line is left out of the file.
          const ws = this.sheet(change.sheet);
          const header = headerFooterCode(change.value.header);
          const footer = headerFooterCode(change.value.footer);
          ws.headerFooter = { ...ws.headerFooter, oddHeader: header || undefined, oddFooter: footer || undefined };
          break;
        }
      }
    }
    this.keepActive(active);
  }

  async select(): Promise<void> {
    // Nothing to show outside Excel.
  }

  /** Saves atomically (see writeFileAtomically). */
  async save(target: string, keep?: FileKeep): Promise<void> {
    await writeFileAtomically(target, await this.toBuffer(), keep);
  }

  async toBuffer(): Promise<Uint8Array> {
    if (!this.force) {
      const risks = await this.risks();
      if (risks.length) throw roundTripRefusal(risks);
    }
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }

  // ---------------------------------------------------------------------------------------------------

  private activeSheetName(): string {
    const sheets = this.workbook.worksheets;
    const visible = sheets.filter((ws) => (ws.state ?? 'visible') === 'visible');
    const tab = this.workbook.views?.[0]?.activeTab;
    const active = typeof tab === 'number' ? sheets[tab] : undefined;
    if (active && (active.state ?? 'visible') === 'visible') return active.name;
    return (visible[0] ?? sheets[0])?.name ?? '';
  }

  /** The active tab is stored as an index: after sheets come and go, point it back at the same sheet. */
  private keepActive(name: string): void {
    const view = this.workbook.views?.[0];
    const index = this.workbook.worksheets.findIndex((ws) => ws.name === name);
    if (view && index >= 0) view.activeTab = index;
  }

  /** Excel treats sheet names case-insensitively (ExcelJS does not): an exact match first, then any case. */
  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.workbook.getWorksheet(name) ?? this.workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.findSheet(name);
    if (!ws) throw unknownSheet(name);
    return ws;
  }

  private stateSheetPlace(): StateSheetPlace {
    return placeStateSheet(
      this.workbook.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state ?? 'visible' })),
      (name) => this.readStateText(this.findSheet(name)!),
    );
  }

  private readStateText(ws: ExcelJS.Worksheet): string | null {
    const chunks: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string') chunks.push(v);
    });
    const joined = chunks.join('');
    return joined || null;
  }

  /**
   * ExcelJS shares one style object between cells loaded with the same style; each coloured cell gets a
   * fresh style object (and font object) so colouring one cell never recolours another.
   */
  private colour(sheet: string, ranges: CellRange[], fill: string, font: string): void {
    const ws = this.sheet(sheet);
    for (const r of ranges) {
      for (const [row, col] of cellsOf(r)) {
        const cell = ws.getCell(row + 1, col + 1);
        const style = cell.style ?? {};
        cell.style = {
          ...style,
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } },
          // A cell without a font of its own shows the workbook default; keep showing it, only recoloured.
          font: { ...(style.font ?? this.defaultFont), color: { argb: argb(font) } },
        };
      }
    }
  }

  /**
   * Puts back the fill and font colour a token recorded — the very objects, or their absence. A token
   * from another host (a file coloured in Excel, cleared on the command line) falls back to the
   * normalised colours saved beside it.
   */
  private restore(sheet: string, styles: CellStyle[]): void {
    const ws = this.sheet(sheet);
    for (const saved of styles) {
      const cell = ws.getCell(saved.row + 1, saved.col + 1);
      const snapshot = parseColourToken(saved.token) ?? {
        fill: saved.fill ? ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(saved.fill) } } as ExcelJS.Fill) : null,
        fontColor: saved.font ? { argb: argb(saved.font) } : null,
        hasFont: true,
      };
      const { fill: _fill, ...rest } = cell.style ?? {};
      const next: Partial<ExcelJS.Style> = { ...rest };
      if (snapshot.fill) next.fill = structuredClone(snapshot.fill);
      const font: Partial<ExcelJS.Font> = { ...(rest.font ?? {}) };
      delete font.color;
      if (snapshot.fontColor) font.color = structuredClone(snapshot.fontColor);
      if (snapshot.hasFont || snapshot.fontColor) next.font = font;
      else delete next.font;
      cell.style = next;
    }
  }

  /** The state lives in column A of a very-hidden sheet, one chunk per row, so no cell exceeds Excel's limit. */
  private writeState(stateText: string, where: StateSheetPlace): void {
    let ws = where.sheet === null ? undefined : this.findSheet(where.sheet);
    if (!ws) ws = this.workbook.addWorksheet(where.writeName, { state: 'veryHidden' });
    ws.state = 'veryHidden';
    ws.eachRow((row) => {
      row.getCell(1).value = null;
    });
    chunkStateText(stateText).forEach((chunk, i) => {
      ws.getCell(i + 1, 1).value = chunk;
    });
  }

  /** Creates the sheet; a replaced sheet is removed and the new one takes its place in the tab order. */
  private putSheet(spec: SheetSpec, replaces: string | null): void {
    const old = replaces ? this.findSheet(replaces) : undefined;
    // ExcelJS orders sheets by `orderNo` (absent from its type definitions); the new sheet takes the old one's.
    const ordered = (ws: ExcelJS.Worksheet): { orderNo: number } => ws as unknown as { orderNo: number };
    const position = old ? ordered(old).orderNo : undefined;
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = writeSpecSheet(this.workbook, spec);
    if (position !== undefined) ordered(ws).orderNo = position;
  }

  /**
   * Values; the cell keeps its formatting unless `styleFrom` names a cell to copy it from (a date gets a date
   * format if it has none, or it would show as a number).
   */
  private writeCells(sheet: string, writes: CellWrite[]): void {
    const ws = this.sheet(sheet);
    for (const w of writes) {
      const cell = ws.getCell(w.row + 1, w.col + 1);
      // A copy, not the source's style object: ExcelJS would otherwise restyle both cells together later.
      if (w.styleFrom) cell.style = structuredClone(ws.getCell(w.styleFrom.row + 1, w.styleFrom.col + 1).style ?? {});
      cell.value = excelValue(w.value);
      if (w.value !== null && typeof w.value === 'object' && !/[dy]/i.test(cell.style?.numFmt ?? '')) {
        cell.style = { ...(cell.style ?? {}), numFmt: DATE_FORMAT };
      }
    }
  }
}
